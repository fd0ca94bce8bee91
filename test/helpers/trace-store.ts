/**
 * A case store for tests of the set-oriented stages: an in-memory DuckStore opened before the file's tests and
 * closed after them, and a `load` that replaces its `traces` (and, when asked, `object_dict` and `account_dict`).
 */
import { after, before } from 'node:test';

import type { TraceKind } from '../../src/model/trace.js';
import { DuckStore } from '../../src/store/duck-store.js';

/** One trace row; `rec` defaults to the row's position. */
export interface TraceRow {
  account: number;
  tsMs: number;
  kind: TraceKind;
  object: number;
  rec?: number;
}

/** The store of the current test file and its loader. */
export interface TraceStore {
  /** The open store (valid inside tests). */
  readonly store: DuckStore;
  /**
   * Replace the traces. With `dictionaries`, also replace `object_dict` (value `o<object>`) and `account_dict`
   * (key `x:a<account>` with the account zero-padded to 3 digits, so key order is account order below 1000).
   */
  load(rows: readonly TraceRow[], options?: { dictionaries?: boolean }): Promise<void>;
}

const CHUNK = 5000;

/** Register before/after hooks that open and close an in-memory store with 2 threads; return it with a loader. */
export function useTraceStore(): TraceStore {
  let store: DuckStore | undefined;
  before(async () => {
    store = await DuckStore.create(':memory:', { threads: 2 });
  });
  after(() => store?.close());
  const open = (): DuckStore => {
    if (store === undefined)
      throw new Error('test/helpers/trace-store: the store is used before it was opened.');
    return store;
  };
  return {
    get store() {
      return open();
    },
    async load(rows, options = {}) {
      const s = open();
      await s.run('DELETE FROM traces; DELETE FROM object_dict; DELETE FROM account_dict;');
      for (let i = 0; i < rows.length; i += CHUNK) {
        const values = rows
          .slice(i, i + CHUNK)
          .map((t, j) => `(${t.account}, ${t.rec ?? i + j}, ${t.tsMs}, '${t.kind}', ${t.object})`);
        await s.run(`INSERT INTO traces VALUES ${values.join(', ')}`);
      }
      if (options.dictionaries !== true || rows.length === 0) return;
      const objects = [...new Map(rows.map((t) => [t.object, t.kind]))].map(
        ([o, k]) => `(${o}, '${k}', 'o${o}')`,
      );
      await s.run(`INSERT INTO object_dict VALUES ${objects.join(', ')}`);
      const accounts = [...new Set(rows.map((t) => t.account))].map((a) => {
        const id = `a${String(a).padStart(3, '0')}`;
        return `(${a}, 'x', '${id}', 'x:${id}')`;
      });
      await s.run(`INSERT INTO account_dict VALUES ${accounts.join(', ')}`);
    },
  };
}
