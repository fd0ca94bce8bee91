import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';

import { StoreError } from '../errors.js';
import { DuckStore } from './duck-store.js';

describe('DuckStore', () => {
  let dir = '';
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chorus-store-'));
  });
  after(async () => rm(dir, { recursive: true, force: true }));

  it('creates the case tables, resets a case, and streams rows in chunks', async () => {
    const store = await DuckStore.create(':memory:');
    try {
      await store.run("INSERT INTO quarantine VALUES (0, 'f.csv', 2, 'ts', 'invalid_value', 'bad', 'x')");
      await store.reset();
      assert.equal(await store.scalar('SELECT count(*) FROM quarantine'), 0);
      let rows = 0;
      let chunks = 0;
      for await (const chunk of store.rows('SELECT range AS n FROM range(5000)')) {
        rows += chunk.length;
        chunks++;
      }
      assert.equal(rows, 5000);
      assert.ok(chunks >= 3, 'DuckDB chunks hold at most 2,048 rows');
    } finally {
      store.close();
    }
  });

  it('refuses to reset a DuckDB file that is not a Chorus case', async () => {
    const path = join(dir, 'other.duckdb');
    const instance = await DuckDBInstance.create(path);
    const connection = await instance.connect();
    await connection.run('CREATE TABLE important (x INTEGER); INSERT INTO important VALUES (42)');
    connection.closeSync();
    instance.closeSync();
    await assert.rejects(
      DuckStore.create(path),
      (error: unknown) => error instanceof StoreError && error.code === 'STORE_FAILED',
    );
    const again = await DuckDBInstance.create(path);
    const check = await again.connect();
    const tables = (await check.runAndReadAll('SHOW TABLES')).getRowObjectsJS().map((row) => row.name);
    assert.deepEqual(tables, ['important'], 'nothing was added or dropped');
    check.closeSync();
    again.closeSync();
  });

  it('fails with STORE_FAILED when the path cannot be opened', async () => {
    await assert.rejects(DuckStore.create(join(dir, 'no', 'such', 'dir', 'case.duckdb')), {
      code: 'STORE_FAILED',
    });
  });
});
