import type { Assembly } from '../assemble';
import type { BuiltinId } from '../types';
import { DataError } from '../types';
import { builtinInfo, subsetSize } from './catalog';
import { parseMnistPack } from './packed';

/** The packed file of each full image set (written by scripts/prepare-data.mjs into public/data/). */
export const FULL_IMAGE_FILES: Partial<Record<BuiltinId, string>> = {
  mnist: 'mnist.bin',
  'fashion-mnist': 'fashion-mnist.bin',
};

const range = (from: number, count: number) => Int32Array.from({ length: count }, (_, i) => from + i);

/**
 * A full image set (MNIST or Fashion-MNIST, 60,000 + 10,000 images): the first `samples` training images (the
 * person's subset for quick runs), then the whole validation and test splits, in the pack's fixed order.
 * Only the rows used become floats; the pack's bytes are read through views, never copied.
 */
export function fullImageSet(id: BuiltinId, packed: Uint8Array, samples: number): Assembly {
  const info = builtinInfo(id);
  const file = FULL_IMAGE_FILES[id] ?? `${id}.bin`;
  const pack = parseMnistPack(packed, file);
  const trainAll = pack.split.train.length;
  const val = pack.split.val.length;
  const test = pack.split.test.length;
  if (!info.classNames || pack.labels.some((l) => l >= info.classNames!.length))
    throw new DataError(
      `${file} has labels outside the ${info.name} classes. Run "node scripts/prepare-data.mjs --force".`,
      { code: 'labelsOutside', values: { file, name: info.name } },
    );
  const train = Math.min(trainAll, subsetSize(id, samples) ?? trainAll);
  const size = pack.rows * pack.cols;
  const count = train + val + test;
  const x = new Float32Array(count * size);
  const y = new Int32Array(count);
  const copy = (from: number, to: number, rows: number) => {
    const src = pack.pixels.subarray(from * size, (from + rows) * size);
    const out = x.subarray(to * size, (to + rows) * size);
    for (let i = 0; i < src.length; i++) out[i] = src[i] / 255;
    y.set(pack.labels.subarray(from, from + rows), to);
  };
  copy(0, 0, train);
  copy(trainAll, train, val + test);
  return {
    name: info.name,
    x,
    y,
    inputShape: [pack.rows, pack.cols, 1],
    labelKind: 'classes',
    targetShape: [1],
    classNames: info.classNames,
    format: { kind: 'image', width: pack.cols, height: pack.rows, channels: 1 },
    split: { train: range(0, train), val: range(train, val), test: range(train + val, test) },
  };
}
