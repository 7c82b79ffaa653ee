import type { BackendMeasurement } from '../types';

/** A training step failed the same way wherever it could be checked: the model or its data is wrong. */
export class ModelDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelDataError';
  }
}

/** Failures that belong to a backend (it could not start, lacks a kernel, lost its device …). */
const BACKEND_PROBLEM =
  /lacks the \w+ kernel|not available in this build|no WebGPU adapter|could not start|device (was )?lost|context lost/i;

/** tfjs' bounds check of a lookup: "GatherV2: the index value 3490 is not in [0, 1999]". */
const GATHER = /(?:GatherV2|gather)[^:]*: the index value (-?\d+) is not in \[0, (\d+)\]/i;

const count = (n: number) => n.toLocaleString('en-US');

/** The person's words for a failure that the data causes, with what to change. */
export function describeDataFailure(message: string): string {
  const m = message.match(GATHER);
  if (!m) return `The model cannot train on this data: ${message}`;
  const [id, last] = [Number(m[1]), Number(m[2])];
  return `Data error: the dataset holds id ${count(id)}, but a lookup layer (Embedding) only has rows 0 to ${count(last)}. Raise its inputDim to the vocabulary size (the dataset–model check in the Train tab sets it in one click).`;
}

/**
 * The failure a model raises on every backend that checks it, or null when the failures are the backends' own.
 * The CPU backend is tfjs' reference and checks every index, so its verdict counts even when a GPU backend ran
 * on (WebGL's gather reads out-of-range ids as zeros without a word): a backend must never win by not noticing.
 */
export function sharedFailure(measurements: BackendMeasurement[]): string | null {
  const failures = measurements.filter(
    (m) => m.samplesPerSecond === null && m.error && !BACKEND_PROBLEM.test(m.error),
  );
  const cpu = failures.find((m) => m.backend === 'cpu');
  if (cpu?.error) return cpu.error;
  const seen = new Map<string, number>();
  for (const m of failures) seen.set(m.error!, (seen.get(m.error!) ?? 0) + 1);
  for (const [error, n] of seen) if (n >= 2) return error;
  return null;
}
