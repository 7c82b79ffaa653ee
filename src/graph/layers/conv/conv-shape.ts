import type { Rng } from '../../define';
import type { Fix } from '../../shape';
import { convOutputLength, formatShape, lastDim, ShapeError } from '../../shape';
import type { Shape } from '../../types';

/** The fix offered when a 1-D layer receives a flat vector: treat each feature as one step with one channel. */
export function reshapeToSequenceFix(x: Shape): Fix | undefined {
  const n = x.length === 2 ? x[1] : null;
  if (!n) return undefined;
  return {
    kind: 'insertBefore',
    label: `Insert Reshape [${n}, 1]`,
    port: 0,
    layer: { type: 'Reshape', params: { targetShape: [n, 1] } },
  };
}

/** Checks a rank-3 sequence input (None, steps, channels) for a 1-D layer, with a fix for flat inputs. */
export function expectSequence(layer: string, x: Shape): void {
  if (x.length !== 3) {
    const fix = reshapeToSequenceFix(x);
    throw new ShapeError(
      `${layer} needs a rank-3 input (None, steps, channels); it got ${formatShape(x)}.${fix ? ` ${fix.label} before it.` : ''}`,
      fix,
      { code: fix ? 'sequenceRankFix' : 'sequenceRank', values: { layer, got: formatShape(x) } },
    );
  }
}

/** Checks a rank-5 volume input (None, d, h, w, c) for a 3-D layer. */
export function expectVolume(layer: string, x: Shape): void {
  if (x.length !== 5) {
    throw new ShapeError(`${layer} needs a rank-5 input (None, depth, h, w, c); it got ${formatShape(x)}.`);
  }
}

/** How a sliding window (kernel or pool) moves over the spatial axes. */
export interface Window {
  size: number[];
  strides: number[];
  padding: string;
  dilation?: number[];
}

/**
 * Output shape of a window sliding over the spatial axes 1..n of a channels-last input; the last axis
 * becomes `channels`. Throws with a "padding same" fix when the window does not fit.
 */
export function slideWindow(
  layer: string,
  x: Shape,
  w: Window,
  channels: number | null,
  what: string,
): Shape {
  const spatial = x.slice(1, -1);
  const dil = w.dilation ?? spatial.map(() => 1);
  const out: Shape = [
    x[0],
    ...spatial.map((d, i) => convOutputLength(d, w.size[i], w.padding, w.strides[i], dil[i])),
    channels,
  ];
  if (out.slice(1, -1).some((d) => d !== null && d <= 0)) {
    const eff = w.size.map((k, i) => k + (k - 1) * (dil[i] - 1));
    const dilated = dil.some((d) => d > 1) ? ` (${eff.join('×')} with its dilation)` : '';
    throw new ShapeError(
      `${layer}: a ${what} of ${w.size.join('×')}${dilated} does not fit the input ${formatShape(x)} — the output would be ${formatShape(out)}. Set padding to "same", use a smaller ${what}, or feed a larger input.`,
      { kind: 'setParams', label: 'Set padding to "same"', params: { padding: 'same' } },
      dilated
        ? undefined
        : {
            code: what === 'kernel' ? 'kernelTooBig' : 'windowTooBig',
            values: { layer, size: w.size.join('×'), input: formatShape(x), output: formatShape(out) },
          },
    );
  }
  return out;
}

/** The input's channel (last) dimension, which convolutions need to size their kernels. */
export function channelsOf(layer: string, x: Shape): number {
  return lastDim(layer, x, 'channel (last)');
}

/** Refuses strides above 1 together with a dilation rate above 1, which TF.js's conv ops reject at run time. */
export function stridesOrDilation(p: {
  strides: number | number[];
  dilationRate: number | number[];
}): string | null {
  const s = ([] as number[]).concat(p.strides);
  const d = ([] as number[]).concat(p.dilationRate);
  return s.some((v) => v > 1) && d.some((v) => v > 1)
    ? 'Strides above 1 cannot be combined with a dilation rate above 1 (TF.js refuses it).'
    : null;
}

/** A whole number from a TF.js config value that may be a number or a one-element array (1-D layers). */
export function scalarOf(v: unknown): number | undefined {
  const n = Array.isArray(v) && v.length === 1 ? v[0] : v;
  return typeof n === 'number' && Number.isInteger(n) ? n : undefined;
}

/** A random integer in [lo, hi]. */
export function randInt(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1));
}
