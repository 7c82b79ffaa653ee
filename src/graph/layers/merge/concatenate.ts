import type { Rng } from '../../define';
import { defineLayer } from '../../define';
import { int } from '../../params';
import type { Fix } from '../../shape';
import { formatShape, ShapeError } from '../../shape';
import type { Shape } from '../../types';
import { describeInputs } from './merge-shape';

/** True when every shape equals the first one on all axes but `axis` (TF.js compares sizes strictly, None too). */
function matchExcept(xs: Shape[], axis: number): boolean {
  const strip = (x: Shape) => x.filter((_, i) => i !== axis);
  const first = strip(xs[0]);
  return xs.every((x) => x.length === xs[0].length && strip(x).every((d, i) => d === first[i]));
}

/** The axis setting that would make these inputs fit, as a one-click fix. */
function axisFix(xs: Shape[]): Fix | undefined {
  const rank = xs[0].length;
  for (let a = rank - 1; a >= 1; a--) {
    if (!matchExcept(xs, a)) continue;
    const axis = a === rank - 1 ? -1 : a;
    return { kind: 'setParams', label: `Set axis to ${axis}`, params: { axis } };
  }
  return undefined;
}

/** Joins inputs along one axis. */
export const concatenate = defineLayer({
  type: 'Concatenate',
  category: 'Merge',
  description:
    'Joins its inputs along one axis (by default the features), e.g. (None, 3) + (None, 5) → (None, 8).',
  params: {
    axis: int({
      min: -5,
      max: 5,
      default: -1,
      help: 'The axis to join along; -1 is the last. Every other axis must match.',
    }),
  },
  inputs: { min: 2, max: 16 },
  check: (p) => (p.axis === 0 ? 'axis 0 is the batch axis; join along a feature axis such as -1.' : null),
  outputShape: (xs, p) => {
    const rank = xs[0].length;
    const a = p.axis < 0 ? p.axis + rank : p.axis;
    // TF.js would silently join along the batch (axis -rank) or invent an axis past the end; refuse both.
    if (a < 1 || a >= rank) {
      throw new ShapeError(
        `Concatenate joins along axis ${p.axis}, but ${formatShape(xs[0])} has feature axes 1 to ${rank - 1} (or -1 to -${rank - 1}) only.`,
        { kind: 'setParams', label: 'Set axis to -1', params: { axis: -1 } },
      );
    }
    if (!matchExcept(xs, a)) {
      const fix = xs.every((x) => x.length === rank) ? axisFix(xs) : undefined;
      const hint = fix
        ? ` ${fix.label} to join them along that axis.`
        : ' Reshape or Flatten the inputs so that they fit.';
      throw new ShapeError(
        `Concatenate joins its inputs along axis ${p.axis}, so all other axes must match; ${describeInputs(xs)}.${hint}`,
        fix,
      );
    }
    const out = xs[0].slice();
    out[a] = xs.some((x) => x[a] === null) ? null : xs.reduce((n, x) => n + (x[a] as number), 0);
    return out;
  },
  paramCount: () => 0,
  sampleInputs: (rng: Rng) => {
    // Rank 3 or 4 so that every sampled axis exists: on a missing axis TF.js invents a shape instead of refusing.
    const rank = 3 + Math.floor(rng() * 2);
    const base: Shape = [null, ...Array.from({ length: rank - 1 }, () => 1 + Math.floor(rng() * 5))];
    const n = 2 + Math.floor(rng() * 2);
    return Array.from({ length: n }, () =>
      // Vary one axis per input: the last mostly (valid for the default axis), sometimes another.
      base.map((d, i) => (i === (rng() < 0.8 ? rank - 1 : 1) ? 1 + Math.floor(rng() * 5) : d)),
    );
  },
  sampleParams: (rng) => ({ axis: rng() < 0.6 ? -1 : [1, 2, -2][Math.floor(rng() * 3)] }),
});
