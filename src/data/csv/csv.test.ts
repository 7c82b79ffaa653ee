import { describe, expect, it } from 'vitest';
import { DEFAULT_SPLIT } from '../split';
import type { CsvOptions, DatasetConfig } from '../types';
import { buildCsvDataset } from './build';
import { defaultCsvOptions } from './infer';
import { parseCsv } from './parse';

const blob = (s: string | Uint8Array) => new Blob([s as BlobPart]);

function config(csv: CsvOptions): DatasetConfig {
  return {
    version: 1,
    source: { kind: 'csv', fileKey: 'p/f.csv', fileName: 'f.csv', csv },
    split: { ...DEFAULT_SPLIT, train: 0.6, val: 0.2, test: 0.2 },
    augment: null,
    fitted: {},
  };
}

async function load(text: string | Uint8Array, patch: (o: CsvOptions) => void = () => {}) {
  const table = await parseCsv(blob(text), { chunkBytes: 7 });
  const warnings: string[] = [];
  const csv = defaultCsvOptions(table, warnings);
  patch(csv);
  return { table, ds: buildCsvDataset(table, config(csv), 'f.csv'), warnings };
}

const iris = (rows: number) =>
  `sepal,petal,species\n${Array.from({ length: rows }, (_, i) => `${i % 7}.5,${(i * 3) % 5},${['a', 'b', 'c'][i % 3]}`).join('\n')}\n`;

describe('parseCsv reads well-formed files', () => {
  it('detects a header, commas and column types', async () => {
    const { table, ds } = await load(iris(30));
    expect(table.hasHeader).toBe(true);
    expect(table.columns.map((c) => c.name)).toEqual(['sepal', 'petal', 'species']);
    expect(ds.labelKind).toBe('classes');
    expect(ds.classNames).toEqual(['a', 'b', 'c']);
    expect(ds.inputShape).toEqual([2]);
    expect(ds.counts).toEqual({ train: 18, val: 6, test: 6 });
  });

  it('reads a ; delimited file', async () => {
    const { table, ds } = await load('a;b;label\n1;2;x\n3;4;y\n5;6;x\n7;8;y\n9;1;x\n');
    expect(table.delimiter).toBe(';');
    expect(table.columns).toHaveLength(3);
    expect(ds.inputShape).toEqual([2]);
  });

  it('drops a UTF-8 byte-order mark from the first column name', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('name,label\n1,a\n2,b\n')]);
    const table = await parseCsv(blob(bytes));
    expect(table.columns[0].name).toBe('name');
  });

  it('keeps quoted newlines inside one field, across read chunks', async () => {
    const text = 'note,label\n"line one\nline two, still one",a\n"x",b\n"third\r\nrow",a\n';
    const table = await parseCsv(blob(text), { chunkBytes: 5 });
    expect(table.rows).toBe(3);
    expect(table.columns[0].text(0)).toBe('line one\nline two, still one');
  });

  it('renames duplicate header names and says so', async () => {
    const table = await parseCsv(blob('x,x,y\n1,2,a\n3,4,b\n'));
    expect(table.columns.map((c) => c.name)).toEqual(['x', 'x (2)', 'y']);
    expect(table.warnings[0]).toMatch(/"x" appears more than once/);
  });

  it('reads a file without a header row', async () => {
    const table = await parseCsv(blob('1,2,3\n4,5,6\n'));
    expect(table.hasHeader).toBe(false);
    expect(table.columns.map((c) => c.name)).toEqual(['column 1', 'column 2', 'column 3']);
  });
});

describe('parseCsv rejects bad files with a message', () => {
  const cases: [string, string | Uint8Array, RegExp][] = [
    ['an empty file', '', /empty/],
    ['only blank lines', '\n\n\n', /no rows/],
    ['a header only', 'a,b,c\n', /header row but no data rows/],
    ['one data row', 'a,b\n1,2\n', /only one data row/],
    ['ragged rows', 'a,b,c\n1,2,3\n4,5\n', /Row 3 has 2 fields but the header has 3/],
    [
      'a non-UTF-8 file',
      new Uint8Array([0x61, 0x2c, 0x62, 0x0a, 0x63, 0x61, 0x66, 0xe9, 0x2c, 0x31, 0x0a]),
      /not UTF-8.*byte 7/,
    ],
    ['a UTF-16 file', new Uint8Array([0xff, 0xfe, 0x61, 0x00]), /UTF-16/],
    ['a 1 MB single line', 'x'.repeat(1 << 20), /header row but no data rows/],
    ['an unclosed quote', 'a,b\n1,"2\n3,4\n', /never closed/],
  ];
  for (const [what, text, message] of cases) {
    it(what, async () => {
      await expect(parseCsv(blob(text), { chunkBytes: 64 * 1024 })).rejects.toThrow(message);
    });
  }

  it('a line with too many fields', async () => {
    await expect(parseCsv(blob(`${','.repeat(20_000)}\n1\n`))).rejects.toThrow(/at most 10,000 columns/);
  });
});

describe('buildCsvDataset', () => {
  it('rejects text in a numeric column, naming the row and cell', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => `${i === 4 ? 'abc' : i},${i % 2 ? 'a' : 'b'}`);
    await expect(load(`size,label\n${rows.join('\n')}\n`)).rejects.toThrow(
      /"size" should hold numbers, but row 6 has "abc"/,
    );
  });

  it('ignores a column that is empty in every row, and refuses it as a feature', async () => {
    const text = 'a,empty,label\n1,,x\n2,,y\n3,NA,x\n4,,y\n';
    const { ds, warnings } = await load(text);
    expect(warnings[0]).toMatch(/"empty" is empty in every row/);
    expect(ds.inputShape).toEqual([1]);
    await expect(load(text, (o) => (o.columns[1].role = 'feature'))).rejects.toThrow(
      /empty in every row; set it to "ignore"/,
    );
  });

  it('refuses a target with one class only', async () => {
    await expect(load('a,label\n1,x\n2,x\n3,x\n')).rejects.toThrow(/only one class \("x"\)/);
  });

  it('fills missing values with the training mean, or drops the rows', async () => {
    const text = `a,label\n${Array.from({ length: 10 }, (_, i) => `${i === 3 ? '' : i},${i % 2}`).join('\n')}\n`;
    const filled = await load(text, (o) => (o.normalise = 'none'));
    expect(filled.ds.counts.train + filled.ds.counts.val + filled.ds.counts.test).toBe(10);
    expect(typeof filled.ds.config.fitted.fill?.a).toBe('number');
    const dropped = await load(text, (o) => (o.missing = 'drop'));
    expect(dropped.ds.counts.train + dropped.ds.counts.val + dropped.ds.counts.test).toBe(9);
    expect(dropped.ds.warnings).toContain('1 row with missing values were dropped.');
  });

  it('one-hot encodes categorical features, or uses an index', async () => {
    const text = `color,label\n${Array.from({ length: 12 }, (_, i) => `${['red', 'green', 'blue'][i % 3]},${i % 2}`).join('\n')}\n`;
    const onehot = await load(text, (o) => (o.normalise = 'none'));
    expect(onehot.ds.inputShape).toEqual([3]);
    const row = Array.from(onehot.ds.x.train.subarray(0, 3));
    expect(row.reduce((a, b) => a + b, 0)).toBe(1);
    const index = await load(text, (o) => (o.encoding = 'index'));
    expect(index.ds.inputShape).toEqual([1]);
  });

  it('fits z-score statistics on the training split only', async () => {
    const { ds } = await load(iris(40));
    const stats = ds.config.fitted.normaliser!;
    expect(stats.kind).toBe('zscore');
    const train = ds.x.train as Float32Array;
    const mean = train.filter((_, i) => i % 2 === 0).reduce((a, b) => a + b, 0) / ds.counts.train;
    expect(mean).toBeCloseTo(0, 5);
  });

  it('predicts numeric targets as regression', async () => {
    const text = `x,price\n${Array.from({ length: 30 }, (_, i) => `${i},${i * 2.5 + 0.1}`).join('\n')}\n`;
    const { ds } = await load(text);
    expect(ds.labelKind).toBe('numeric');
    expect(ds.y.train).toBeInstanceOf(Float32Array);
  });

  it('turns a text column into padded token ids with a saved vocabulary', async () => {
    const texts = ['win a free prize now', 'see you at lunch', 'free money now', 'lunch at noon?'];
    const rows = Array.from(
      { length: 20 },
      (_, i) => `"${texts[i % 4]} ${i}",${i % 4 < 1 || i % 4 === 2 ? 'spam' : 'ham'}`,
    );
    const { ds } = await load(`message,label\n${rows.join('\n')}\n`, (o) => (o.seqLength = 8));
    expect(ds.inputDtype).toBe('int32');
    expect(ds.inputShape).toEqual([8]);
    expect(ds.config.fitted.vocabulary?.slice(0, 2)).toEqual(['<pad>', '<unk>']);
    expect(ds.classNames).toEqual(['ham', 'spam']);
  });
});

describe('cancelling', () => {
  it('stops a long parse between chunks when the signal fires', async () => {
    const controller = new AbortController();
    const text = `a,b\n${'1,2\n'.repeat(50_000)}`;
    const parsing = parseCsv(
      blob(text),
      { chunkBytes: 4096 },
      (p) => p.fraction > 0.2 && controller.abort(),
      controller.signal,
    );
    await expect(parsing).rejects.toThrow('Loading was cancelled.');
  });
});
