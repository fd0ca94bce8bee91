import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { type CsvRow, detectDialect, formatCsvRow, readCsvRows } from './read-csv-rows.js';

async function* chunked(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function rowsOf(text: string, size = 1 << 16, maxRowChars?: number): Promise<CsvRow[]> {
  const out: CsvRow[] = [];
  for await (const batch of readCsvRows(chunked(text, size), {}, maxRowChars)) out.push(...batch);
  return out;
}

const simple = (rows: CsvRow[]) => rows.map((r) => [r.line, r.fields, r.error === undefined ? '' : 'error']);

describe('readCsvRows', () => {
  const text =
    'id,msg,n\r\n1,"two\r\nlines",3\r\n\r\n2,"a ""quoted"" word",4\r\n,,\r\n3,"x\r\ny\r\nz",5\r\n4,last,6';
  const expected = [
    [1, ['id', 'msg', 'n'], ''],
    [2, ['1', 'two\r\nlines', '3'], ''],
    [5, ['2', 'a "quoted" word', '4'], ''],
    [7, ['3', 'x\r\ny\r\nz', '5'], ''],
    [10, ['4', 'last', '6'], ''],
  ];

  it('reports the physical start line of rows with multi-line quoted fields, skipping blank rows', async () => {
    assert.deepEqual(simple(await rowsOf(text)), expected);
  });

  it('gives the same rows whatever the chunk boundaries', async () => {
    for (const size of [1, 2, 3, 5, 7, 13])
      assert.deepEqual(simple(await rowsOf(text, size)), expected, `chunk size ${size}`);
  });

  it('reads LF, CR-only and unterminated last lines', async () => {
    assert.deepEqual(simple(await rowsOf('a,b\n1,2\n3,4\n')), [
      [1, ['a', 'b'], ''],
      [2, ['1', '2'], ''],
      [3, ['3', '4'], ''],
    ]);
    assert.deepEqual(simple(await rowsOf('a,b\r1,"x\ry"\r3,4')), [
      [1, ['a', 'b'], ''],
      [2, ['1', 'x\ry'], ''],
      [4, ['3', '4'], ''],
    ]);
  });

  it('counts blank lines before the header', async () => {
    assert.deepEqual(simple(await rowsOf('\n\na,b\n1,2\n')), [
      [3, ['a', 'b'], ''],
      [4, ['1', '2'], ''],
    ]);
  });

  it('detects semicolon, tab and pipe delimiters', async () => {
    assert.deepEqual((await rowsOf('a;b;c\n1;"2;3";4\n'))[1]!.fields, ['1', '2;3', '4']);
    assert.deepEqual((await rowsOf('a\tb\n1\t2\n'))[1]!.fields, ['1', '2']);
    assert.deepEqual((await rowsOf('a|b\n1|2\n'))[1]!.fields, ['1', '2']);
  });

  it('flags an unterminated quoted field and reads the lines it swallowed again', async () => {
    const rows = await rowsOf('a,b\n1,"never closed\n2,3\n');
    assert.equal(rows.length, 3);
    assert.equal(rows[1]!.line, 2);
    assert.match(rows[1]!.error ?? '', /malformed CSV row/);
    assert.deepEqual([rows[2]!.line, rows[2]!.fields, rows[2]!.error], [3, ['2', '3'], undefined]);
  });

  it('costs one row, not the rest of the file, for a stray quote (in any chunking)', async () => {
    const text = 'id,text\n1,ok\n2,"he said "hi\n3,fine\n4,"quoted, with comma"\n5,last\n';
    for (const size of [3, 7, 1000]) {
      const rows = await rowsOf(text, size);
      assert.deepEqual(
        rows.map((r) => [r.line, r.error === undefined ? 'ok' : 'bad']),
        [
          [1, 'ok'],
          [2, 'ok'],
          [3, 'bad'],
          [4, 'ok'],
          [5, 'ok'],
          [6, 'ok'],
        ],
        `chunk size ${size}`,
      );
      assert.deepEqual(rows[3]!.fields, ['3', 'fine']);
      assert.deepEqual(rows.at(-1)!.fields, ['5', 'last']);
    }
  });

  it('cuts off a runaway row longer than maxRowChars and resumes', async () => {
    const runaway = `a,b\n1,"${'x'.repeat(50)}\n${'y'.repeat(60)}\n2,3\n`;
    const rows = await rowsOf(runaway, 16, 40);
    assert.equal(rows[0]!.line, 1);
    assert.equal(rows[1]!.line, 2);
    assert.ok(rows[1]!.error !== undefined);
    assert.equal(rows.filter((r) => r.error !== undefined).length, 1);
    assert.deepEqual(rows.at(-1)!.fields, ['2', '3']);
    assert.equal(rows.at(-1)!.line, 4);
  });

  it('returns nothing for empty or blank input', async () => {
    assert.deepEqual(await rowsOf(''), []);
    assert.deepEqual(await rowsOf('\n\n  \n'), []);
  });
});

describe('detectDialect', () => {
  it('finds the line break and the most frequent delimiter of the first non-blank line', () => {
    assert.deepEqual(detectDialect('a;b;c\r\n1;2;3\r\n'), { delimiter: ';', newline: '\r\n' });
    assert.deepEqual(detectDialect('a,b\n'), { delimiter: ',', newline: '\n' });
    assert.deepEqual(detectDialect('"a;b",c,d\n'), { delimiter: ',', newline: '\n' });
    assert.deepEqual(detectDialect('\n\na\tb\n'), { delimiter: '\t', newline: '\n' });
    assert.deepEqual(detectDialect('single\rnext'), { delimiter: ',', newline: '\r' });
  });
  it('waits for a complete line unless the text is final', () => {
    assert.equal(detectDialect('a,b'), undefined);
    assert.equal(detectDialect('\n\n'), undefined);
    assert.equal(detectDialect('a,b\r'), undefined); // the \n of a \r\n may be in the next chunk
    assert.deepEqual(detectDialect('a|b', true), { delimiter: '|', newline: '\n' });
  });
});

describe('formatCsvRow', () => {
  it('quotes fields that need it', () => {
    assert.equal(
      formatCsvRow(['a', 'b,c', 'say "hi"', 'two\nlines', ''], ','),
      'a,"b,c","say ""hi""","two\nlines",',
    );
    assert.equal(formatCsvRow(['a;b', 'c'], ';'), '"a;b";c');
  });
});
