import type { Dim, Shape } from './types';

/** A graph edit offered as the one-click fix for a shape error. */
export type Fix =
  | {
      kind: 'insertBefore';
      label: string;
      port: number;
      layer: { type: string; params: Record<string, unknown> };
    }
  | { kind: 'setParams'; label: string; params: Record<string, unknown> }
  | { kind: 'setUpstreamParams'; label: string; nodePort: number; params: Record<string, unknown> };

/**
 * A message as a code and its values, so that the UI can say it in the person's language (catalog namespace
 * `shapes`); the English `message` beside it stays the text for tests and non-UI callers.
 */
export interface MessageCode {
  code: string;
  values: Record<string, string | number>;
  /** The problem underneath, when this message wraps another (a refused connection names the shape error). */
  cause?: MessageCode;
}

/** A shape problem a person can act on: a sentence with the offending shapes and, where one exists, a fix. */
export class ShapeError extends Error {
  readonly fix?: Fix;
  readonly detail?: MessageCode;
  constructor(message: string, fix?: Fix, detail?: MessageCode) {
    super(message);
    this.name = 'ShapeError';
    this.fix = fix;
    this.detail = detail;
  }
}

/** Formats a dimension the way Keras prints it. */
export function formatDim(d: Dim): string {
  return d === null ? 'None' : String(d);
}

/** Formats a shape in Keras notation, e.g. `(None, 26, 26, 32)`. */
export function formatShape(shape: Shape): string {
  if (shape.length === 1) return `(${formatDim(shape[0])},)`;
  return `(${shape.map(formatDim).join(', ')})`;
}

/** Product of the known dimensions after the batch; null when any is unknown. */
export function featureSize(shape: Shape): number | null {
  let n = 1;
  for (const d of shape.slice(1)) {
    if (d === null) return null;
    n *= d;
  }
  return n;
}

/** Throws unless the input has the expected rank (batch included). */
export function expectRank(layer: string, shape: Shape, rank: number, notation: string, fix?: Fix): void {
  if (shape.length !== rank) {
    throw new ShapeError(
      `${layer} needs a rank-${rank} input ${notation}; it got ${formatShape(shape)}.`,
      fix,
      { code: 'rank', values: { layer, rank, notation, got: formatShape(shape) } },
    );
  }
}

/** Throws unless the input has at least the given rank. */
export function expectMinRank(layer: string, shape: Shape, rank: number, notation: string, fix?: Fix): void {
  if (shape.length < rank) {
    throw new ShapeError(
      `${layer} needs an input of rank ${rank} or more ${notation}; it got ${formatShape(shape)}.`,
      fix,
      { code: 'minRank', values: { layer, rank, notation, got: formatShape(shape) } },
    );
  }
}

/** Output length of a convolution or pooling window along one axis (Keras' conv_output_length). */
export function convOutputLength(
  input: Dim,
  kernel: number,
  padding: string,
  stride: number,
  dilation = 1,
): Dim {
  if (input === null) return null;
  const k = kernel + (kernel - 1) * (dilation - 1);
  const len = padding === 'same' ? input : input - k + 1;
  return Math.floor((len + stride - 1) / stride);
}

/** Output length of a transposed convolution along one axis (Keras' deconv_output_length, no output padding). */
export function deconvOutputLength(input: Dim, kernel: number, padding: string, stride: number): Dim {
  if (input === null) return null;
  let len = input * stride;
  if (padding === 'valid') len += Math.max(kernel - stride, 0);
  return len;
}

/** Throws when a computed spatial size is not positive, naming the axis and the cause. */
export function expectPositive(layer: string, input: Shape, out: Shape, what: string): void {
  for (let i = 1; i < out.length; i++) {
    const d = out[i];
    if (d !== null && d <= 0) {
      throw new ShapeError(
        `${layer}: the input ${formatShape(input)} is too small for this ${what} — the output would be ${formatShape(out)}. Use a smaller ${what}, padding "same", or a larger input.`,
        undefined,
        { code: 'tooSmall', values: { layer, input: formatShape(input), output: formatShape(out), what } },
      );
    }
  }
}

/** Last dimension, which must be known (channels, features). */
export function lastDim(layer: string, shape: Shape, what = 'last'): number {
  const d = shape[shape.length - 1];
  if (d === null || d === undefined) {
    throw new ShapeError(
      `${layer} needs a known ${what} dimension; it got ${formatShape(shape)}, whose last axis is None (a size that varies). Give that axis a fixed size in the Input, or put a layer that sets it (Embedding for token ids, Dense, Conv1D) before ${layer}.`,
      undefined,
      {
        code: 'knownDim',
        values: { layer, what, got: formatShape(shape) },
      },
    );
  }
  return d;
}

/** True when two shapes are equal dimension by dimension. */
export function sameShape(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}
