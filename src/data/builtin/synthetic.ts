import { gaussian, makeRng } from '../rng';
import type { BuiltinId } from '../types';
import { DataError } from '../types';
import { SINE_WINDOW } from './catalog';

/** Samples as flat arrays: `x` row-major, `y` class indices or numeric targets. */
export interface RawSamples {
  x: Float32Array;
  y: Int32Array | Float32Array;
}

type Gen = (n: number, rng: () => number) => RawSamples;

const spirals: Gen = (n, rng) => {
  const x = new Float32Array(n * 2);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const cls = i % 2;
    const r = (i / n) * 5 + 0.1;
    const t = 1.75 * (i / n) * 2 * Math.PI + cls * Math.PI;
    x[2 * i] = r * Math.sin(t) + gaussian(rng) * 0.1;
    x[2 * i + 1] = r * Math.cos(t) + gaussian(rng) * 0.1;
    y[i] = cls;
  }
  return { x, y };
};

const xor: Gen = (n, rng) => {
  const x = new Float32Array(n * 2);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const a = rng() * 10 - 5;
    const b = rng() * 10 - 5;
    const pad = 0.3;
    x[2 * i] = a + (a > 0 ? pad : -pad);
    x[2 * i + 1] = b + (b > 0 ? pad : -pad);
    y[i] = a * b >= 0 ? 1 : 0;
  }
  return { x, y };
};

const circles: Gen = (n, rng) => {
  const x = new Float32Array(n * 2);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const inner = i % 2 === 0;
    const r = inner ? rng() * 2 : 3 + rng() * 2;
    const t = rng() * 2 * Math.PI;
    x[2 * i] = r * Math.sin(t) + gaussian(rng) * 0.1;
    x[2 * i + 1] = r * Math.cos(t) + gaussian(rng) * 0.1;
    y[i] = inner ? 1 : 0;
  }
  return { x, y };
};

/** Windows of a noisy sum of sines; the target is the value right after each window. */
const sine: Gen = (n, rng) => {
  const series = new Float32Array(n + SINE_WINDOW);
  const phase = rng() * Math.PI;
  for (let t = 0; t < series.length; t++) {
    series[t] = Math.sin(t * 0.2 + phase) + 0.5 * Math.sin(t * 0.05) + 0.1 * gaussian(rng);
  }
  const x = new Float32Array(n * SINE_WINDOW);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    x.set(series.subarray(i, i + SINE_WINDOW), i * SINE_WINDOW);
    y[i] = series[i + SINE_WINDOW];
  }
  return { x, y };
};

const regression: Gen = (n, rng) => {
  const x = new Float32Array(n * 3);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const [a, b, c] = [rng() * 4 - 2, rng() * 4 - 2, rng() * 4 - 2];
    x.set([a, b, c], i * 3);
    y[i] = 2 * a - b * b + Math.sin(2 * c) + 0.1 * gaussian(rng);
  }
  return { x, y };
};

const GENERATORS: Partial<Record<BuiltinId, Gen>> = { spirals, xor, circles, sine, regression };

/** Most samples a generator makes (keeps memory and training time reasonable in a browser). */
export const MAX_SYNTHETIC = 100_000;

/** Generates a synthetic dataset; the same id, size and seed always give the same samples. */
export function generate(id: BuiltinId, samples: number, seed: number): RawSamples {
  const gen = GENERATORS[id];
  if (!gen) throw new Error(`${id} is not a synthetic dataset`);
  if (!Number.isInteger(samples) || samples < 10 || samples > MAX_SYNTHETIC) {
    throw new DataError(
      `The number of samples must be a whole number from 10 to ${MAX_SYNTHETIC.toLocaleString('en-US')}.`,
      { code: 'syntheticCount', values: { max: MAX_SYNTHETIC } },
    );
  }
  return gen(samples, makeRng(seed));
}
