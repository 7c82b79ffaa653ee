import { formatShape, ShapeError } from '../../shape';
import type { Shape } from '../../types';

/** Resolves a (possibly negative) axis of the input; throws when the input has no such axis. */
export function resolveAxis(layer: string, x: Shape, axis: number): number {
  const a = axis < 0 ? axis + x.length : axis;
  if (a < 0 || a >= x.length) {
    throw new ShapeError(
      `${layer} normalises axis ${axis}, but the input ${formatShape(x)} has only axes 0 to ${x.length - 1} (or -1 to -${x.length}). Set axis to -1 for the last axis.`,
      { kind: 'setParams', label: 'Set axis to -1', params: { axis: -1 } },
    );
  }
  return a;
}

/** Resolves a feature axis and returns its size; refuses the batch axis and unknown sizes (weights need a size). */
export function featureAxisSize(layer: string, x: Shape, axis: number): number {
  const a = resolveAxis(layer, x, axis);
  const d = x[a];
  if (d === null) {
    const what = a === 0 ? 'the batch axis' : `axis ${axis}, which has an unknown size`;
    throw new ShapeError(
      `${layer} cannot normalise ${what} of ${formatShape(x)}; it needs an axis of known size, usually -1 (the features).`,
      { kind: 'setParams', label: 'Set axis to -1', params: { axis: -1 } },
    );
  }
  return d;
}

/** A random feature-map shape for the cross-checks: rank 2 to 4, every dimension after the batch known. */
export function sampleFeatureShape(rng: () => number): Shape {
  const rank = 2 + Math.floor(rng() * 3);
  return [null, ...Array.from({ length: rank - 1 }, () => 1 + Math.floor(rng() * 8))];
}

/** A random axis for the cross-checks: mostly -1, sometimes another valid or (rarely) an invalid axis. */
export function sampleAxis(rng: () => number): number {
  const r = rng();
  if (r < 0.5) return -1;
  if (r < 0.9) return 1 + Math.floor(rng() * 3);
  return [-2, -3, 0][Math.floor(rng() * 3)];
}
