/**
 * Generic table adapters (`csv`, `parquet`): any table with an account column and a time column, found through
 * the `--map` or the aliases of `FIELD_ALIASES`.
 */
import { InputError } from '../../errors.js';
import { FIELD_ALIASES } from '../field-aliases.js';
import { resolveColumns } from '../resolve-columns.js';
import type { TableAdapter } from './adapter.js';
import { genericRecordMapper } from './generic-record.js';

/**
 * Make the generic table adapter reporting format `format`.
 * Detection: an account column and a time column among the aliases. Binding: `--map` entries must name header
 * columns, and `account` and `ts` must resolve.
 * @param format `csv` or `parquet`
 * @returns the adapter
 */
export function genericTableAdapter(format: 'csv' | 'parquet'): TableAdapter {
  return {
    format,
    needs: `an account column (${FIELD_ALIASES.account.slice(0, 6).join('/')}…) and a time column (${FIELD_ALIASES.ts.slice(0, 6).join('/')}…), or --map`,
    detect(header) {
      const { columns } = resolveColumns(header);
      return columns.account !== undefined && columns.ts !== undefined;
    },
    bind(header, options, path) {
      const { columns, unmatched } = resolveColumns(header, options.map);
      if (unmatched.length > 0) {
        const list = unmatched.map((u) => `${u.field}=${u.column}`).join(', ');
        throw new InputError(
          'INPUT_FORMAT_UNKNOWN',
          path,
          `ingest: --map names column(s) not in "${path}": ${list}. Header seen: ${header.join(', ')}.`,
        );
      }
      const missing = (['account', 'ts'] as const).filter((f) => columns[f] === undefined);
      if (missing.length > 0) {
        throw new InputError(
          'INPUT_FORMAT_UNKNOWN',
          path,
          `ingest: "${path}" as ${format}: no column for ${missing.join(' and ')}. Header seen: ${header.join(', ')}. ` +
            `Name them with --map, e.g. --map account=${header[0] ?? 'user'},ts=${header[1] ?? 'time'}.`,
        );
      }
      const index = new Map<string, number>();
      header.forEach((name, i) => {
        if (!index.has(name)) index.set(name, i);
      });
      return genericRecordMapper<readonly unknown[]>(
        columns,
        (column) => {
          const i = index.get(column)!;
          return (values) => values[i];
        },
        options,
      );
    },
  };
}
