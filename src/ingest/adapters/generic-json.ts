/**
 * Generic JSON-records adapter (`jsonl`): JSON lines or a JSON array of flat-ish objects with an account key and a
 * time key, found through the `--map` (keys or dotted paths such as `user.id`) or the aliases of `FIELD_ALIASES`
 * applied to the first record's keys.
 */
import { InputError } from '../../errors.js';
import { FIELD_ALIASES } from '../field-aliases.js';
import { resolveColumns } from '../resolve-columns.js';
import type { JsonAdapter } from './adapter.js';
import { genericRecordMapper } from './generic-record.js';

type Obj = Readonly<Record<string, unknown>>;

/**
 * Generic JSON adapter. Records that are not JSON objects are quarantined (`unsupported_record`). Map entries that
 * are not keys of the first record are read as dotted paths (a record may lack keys the first one has, and vice
 * versa).
 */
export const genericJsonAdapter: JsonAdapter = {
  format: 'jsonl',
  needs: `an account key (${FIELD_ALIASES.account.slice(0, 6).join('/')}…) and a time key (${FIELD_ALIASES.ts.slice(0, 6).join('/')}…), or --map`,
  detect(first) {
    const { columns } = resolveColumns(Object.keys(first));
    return columns.account !== undefined && columns.ts !== undefined;
  },
  bind(first, options, path) {
    const keys = first === undefined ? [] : Object.keys(first);
    const { columns, unmatched } = resolveColumns(keys, options.map);
    for (const u of unmatched) columns[u.field] = u.column;
    const missing = (['account', 'ts'] as const).filter((f) => columns[f] === undefined);
    if (missing.length > 0) {
      throw new InputError(
        'INPUT_FORMAT_UNKNOWN',
        path,
        `ingest: "${path}" as jsonl: no key for ${missing.join(' and ')}. Keys of the first record: ${keys.join(', ') || '(none)'}. ` +
          'Name them with --map, e.g. --map account=user.id,ts=created_at.',
      );
    }
    const mapper = genericRecordMapper<Obj>(columns, keyGetter, options);
    return (value, record, b) => {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        b.quarantine(
          record,
          '',
          'unsupported_record',
          `expected a JSON object, got ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}`,
        );
        return;
      }
      mapper(value as Obj, record, b);
    };
  },
};

/** Reader of a key, or of a dotted path when the key itself is absent. */
function keyGetter(column: string): (rec: Obj) => unknown {
  const path = column.includes('.') ? column.split('.') : undefined;
  if (path === undefined) return (rec) => rec[column];
  return (rec) => {
    if (Object.hasOwn(rec, column)) return rec[column];
    let cur: unknown = rec;
    for (const key of path) {
      if (cur === null || typeof cur !== 'object') return undefined;
      cur = (cur as Obj)[key];
    }
    return cur;
  };
}
