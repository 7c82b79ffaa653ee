/**
 * The data loaders' sentences reach a Chinese person in Chinese: every `DataError` carries a code of the
 * `dataErrors` catalog (a code without an entry fails here and in the type check), the English entry is the
 * loader's own sentence word for word, and the Chinese one keeps its numbers and names.
 */
import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultAudioOptions } from '../../data';
import { audioOptionsIssue } from '../../data/audio/features';
import { generateBoxes } from '../../data/boxes/synthetic';
import { parseBoxCsv } from '../../data/boxes/import';
import { generate } from '../../data/builtin/synthetic';
import { parseCsv } from '../../data/csv/parse';
import { listImages, readZip } from '../../data/images/archive';
import { normaliseRow, prepareText } from '../../data/predict';
import { parseRatings } from '../../data/ratings/parse';
import { idIndex } from '../../data/ratings/ratings';
import { DEFAULT_SPLIT, splitIndices } from '../../data/split';
import { type DatasetConfig, DataError } from '../../data/types';
import { i18n } from '../../i18n';
import { sentenceProblems, sources, uncatalogued } from '../testing/coded-text';
import { dataErrorText, errorText } from './data-error-text';

/** The error a call throws (the test fails when it throws none). */
async function thrown(call: () => unknown): Promise<DataError> {
  try {
    await call();
  } catch (e) {
    if (e instanceof DataError) return e;
    throw e;
  }
  throw new Error('no DataError was thrown');
}

const config = { fitted: {} } as unknown as DatasetConfig;
const blob = (text: string) => new Blob([text]);

/** Real loader errors, one per kind of sentence (plain, with values, plurals, nested parts). */
const CASES: [string, () => unknown][] = [
  ['split sum', () => splitIndices(10, { ...DEFAULT_SPLIT, train: 0.5 })],
  ['synthetic count', () => generate('spirals', 3, 1)],
  ['box count', () => generateBoxes(5, 1)],
  ['box row fields', () => parseBoxCsv('file,x,y,w,h,class\na.png,1,2\n')],
  ['ratings row', () => parseRatings('u1,i1,5\nu2,i2\n')],
  ['ratings rating', () => parseRatings('u1,i1,5\nu2,i2,great\n')],
  ['unknown user', () => idIndex(['ann', 'bob', 'cy', 'dee'], 'zed', 'user')],
  [
    'feature count',
    () =>
      normaliseRow(
        { fitted: { normaliser: { kind: 'zscore', a: [0, 0], b: [1, 1] } } } as DatasetConfig,
        [1],
      ),
  ],
  ['no vocabulary', () => prepareText(config, 'hello', 10)],
  [
    'audio hop',
    () => {
      throw DataError.of(audioOptionsIssue({ ...defaultAudioOptions(8000), hop: 9999 })!);
    },
  ],
  ['csv tab width', () => parseCsv(blob('a\tb\tc\n1\t2\t3\n4\t5\n'))],
  ['csv one row', () => parseCsv(blob('a,b\n1,2\n'))],
  ['zip without images', () => listImages(readZip(zipSync({ 'notes/readme.txt': new Uint8Array([1]) })))],
];

describe('data errors in the UI language', () => {
  afterAll(() => void i18n.changeLanguage('en'));

  it('gives every DataError in src/data a code that the catalog has', () => {
    const files = sources('src/data').filter((f) => !f.endsWith('check.ts'));
    expect(uncatalogued('dataErrors', files, /DataError|DataProblem/)).toEqual([]);
  });

  it('says each loader sentence word for word in English, and in Chinese with its values', async () => {
    const errors: [string, DataError][] = [];
    for (const [name, call] of CASES) errors.push([name, await thrown(call)]);
    expect(await sentenceProblems('dataErrors', errors)).toEqual([]);
  });

  it('shows the English sentence in English and the Chinese one in Chinese', async () => {
    const e = await thrown(() => parseCsv(blob('a\tb\tc\n1\t2\t3\n4\t5\n')));
    await i18n.changeLanguage('en');
    expect(errorText(e)).toBe(
      'Row 3 has 2 fields but the header has 3. Every row needs the same number of "tab"-separated fields.',
    );
    await i18n.changeLanguage('zh-CN');
    expect(errorText(e)).toBe(
      '第 3 行有 2 个字段，但表头有 3 个。每一行都需要相同数量的以“制表符”分隔的字段。',
    );
    const zip = await thrown(() => listImages(readZip(zipSync({ 'a/x.txt': new Uint8Array([1]) }))));
    expect(dataErrorText(zip)).toBe('没有找到图片（PNG、JPEG、GIF、BMP 或 WebP）：1 个文件不是图片。');
    expect(errorText(new Error('plain'))).toBe('plain');
  });
});
