/**
 * Inputs for the parity check and the snippets: real test samples when the dataset fits the model, otherwise
 * deterministic generated ones. Pure (no tfjs): typed arrays in, typed arrays out.
 */

/** One model input's values for `count` samples, row-major, with the shape of one sample (no batch). */
export interface InputBatch {
  shape: number[];
  dtype: 'float32' | 'int32';
  data: Float32Array | Int32Array;
}

/** Samples for every model input, in the model's input order. */
export interface Samples {
  count: number;
  source: 'test split' | 'generated';
  inputs: InputBatch[];
}

/** What of a loaded dataset the samples need (a LoadedDataset fits). */
export interface TestSplit {
  inputShape: number[];
  inputDtype: 'float32' | 'int32';
  x: { test: Float32Array | Int32Array };
  counts: { test: number };
}

/** The model's inputs: shape without the batch (null dims unknown) and dtype. */
export interface ModelInput {
  shape: Array<number | null>;
  dtype: string;
}

const size = (shape: number[]) => shape.reduce((a, b) => a * b, 1);

/**
 * How one dataset sample of `shape` is cut across several Inputs (the engine's feed: columns in Input order,
 * e.g. [user, item] ids for two Inputs of shape [1]): each Input's size, or null when they do not add up.
 */
export function splitSizes(shape: number[], inputs: ModelInput[]): number[] | null {
  if (inputs.length < 2) return null;
  const sizes = inputs.map((i) => (i.shape.every((d) => d !== null) ? size(i.shape as number[]) : -1));
  if (sizes.some((s) => s < 1) || sizes.reduce((a, b) => a + b, 0) !== size(shape)) return null;
  return sizes;
}

/** Test samples cut across several Inputs as the engine feeds them, or null when the sizes do not add up. */
function splitTestSamples(split: TestSplit, inputs: ModelInput[], max: number): Samples | null {
  const sizes = splitSizes(split.inputShape, inputs);
  if (!sizes || inputs.some((i) => i.dtype !== split.inputDtype)) return null;
  const count = Math.min(max, split.counts.test);
  const width = size(split.inputShape);
  let offset = 0;
  const batches = inputs.map((input, k) => {
    const at = offset;
    offset += sizes[k];
    const data =
      split.x.test instanceof Int32Array
        ? new Int32Array(count * sizes[k])
        : new Float32Array(count * sizes[k]);
    for (let n = 0; n < count; n++)
      data.set(split.x.test.subarray(n * width + at, n * width + at + sizes[k]), n * sizes[k]);
    return { shape: input.shape as number[], dtype: split.inputDtype, data };
  });
  return { count, source: 'test split', inputs: batches };
}

/**
 * Up to `max` test samples when the model has one input of the dataset's shape and dtype (or several Inputs that
 * the dataset's sample is cut across); otherwise null.
 */
export function testSamples(split: TestSplit | null, inputs: ModelInput[], max = 32): Samples | null {
  if (!split || split.counts.test === 0) return null;
  if (inputs.length !== 1) return inputs.length > 1 ? splitTestSamples(split, inputs, max) : null;
  const [input] = inputs;
  const fits =
    input.shape.length === split.inputShape.length &&
    input.shape.every((d, i) => d === null || d === split.inputShape[i]) &&
    (input.dtype === split.inputDtype || input.dtype === 'float32');
  if (!fits) return null;
  const count = Math.min(max, split.counts.test);
  const raw = split.x.test.slice(0, count * size(split.inputShape));
  // Token ids feed a float32 Input as floats (tfjs' Embedding accepts both).
  const data = input.dtype === 'float32' && raw instanceof Int32Array ? Float32Array.from(raw) : raw;
  const dtype = data instanceof Int32Array ? 'int32' : 'float32';
  return { count, source: 'test split', inputs: [{ shape: split.inputShape, dtype, data }] };
}

/** A small seeded generator (mulberry32), so generated samples are the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` generated samples per input: floats in [0, 1), or token ids 0/1 (padding / unknown, valid for any
 * Embedding). Unknown dims become 8.
 */
export function generatedSamples(inputs: ModelInput[], count = 16, seed = 1): Samples {
  const next = rng(seed);
  return {
    count,
    source: 'generated',
    inputs: inputs.map((input) => {
      const shape = input.shape.map((d) => d ?? 8);
      const n = count * size(shape);
      if (input.dtype === 'int32') {
        return { shape, dtype: 'int32', data: Int32Array.from({ length: n }, () => (next() < 0.5 ? 0 : 1)) };
      }
      return { shape, dtype: 'float32', data: Float32Array.from({ length: n }, () => Math.fround(next())) };
    }),
  };
}

/** The samples from `start` (inclusive) to `end` (exclusive). */
export function sliceSamples(samples: Samples, start: number, end: number): Samples {
  return {
    count: end - start,
    source: samples.source,
    inputs: samples.inputs.map((b) => {
      const per = size(b.shape);
      return { ...b, data: b.data.slice(start * per, end * per) };
    }),
  };
}

/** One sample of one input as a nested array (TF Serving's row format wants an instance like this). */
export function nestedSample(batch: InputBatch, index: number): unknown {
  const per = size(batch.shape);
  const flat = Array.from(batch.data.subarray(index * per, (index + 1) * per));
  const nest = (values: number[], shape: number[]): unknown => {
    if (shape.length <= 1) return values;
    const step = size(shape.slice(1));
    return Array.from({ length: shape[0] }, (_, i) =>
      nest(values.slice(i * step, (i + 1) * step), shape.slice(1)),
    );
  };
  return nest(flat, batch.shape);
}
