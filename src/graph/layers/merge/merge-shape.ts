import type { Rng } from '../../define';
import { defineLayer } from '../../define';
import { formatShape, ShapeError } from '../../shape';
import type { Dim, Shape } from '../../types';

/** Lists input shapes in a sentence: "input 1 is (None, 4) and input 2 is (None, 5)". */
export function describeInputs(xs: Shape[]): string {
  const parts = xs.map((x, i) => `input ${i + 1} is ${formatShape(x)}`);
  return parts.length <= 2
    ? parts.join(' and ')
    : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/**
 * Broadcasts two shapes without their batch axis, exactly as TF.js' Merge.computeElementwiseOpOutputShape:
 * right-aligned, an unknown size on either side gives unknown (even against 1), 1 stretches to the other size.
 */
function broadcastPair(a: Dim[], b: Dim[]): Dim[] | null {
  if (a.length < b.length) return broadcastPair(b, a);
  const out = a.slice(0, a.length - b.length);
  for (let k = 0; k < b.length; k++) {
    const i = a[a.length - b.length + k];
    const j = b[k];
    if (i === null || j === null) out.push(null);
    else if (i === 1) out.push(j);
    else if (j === 1 || i === j) out.push(i);
    else return null;
  }
  return out;
}

/** The output of an element-wise merge (Add, Multiply …); a sentence naming every input when they do not fit. */
export function elementwiseShape(layer: string, xs: Shape[]): Shape {
  let out: Dim[] = xs[0].slice(1);
  for (const x of xs.slice(1)) {
    const next = broadcastPair(out, x.slice(1));
    if (next === null) {
      throw new ShapeError(
        `${layer} combines its inputs element by element, so their shapes must match (or be 1 where they differ); ${describeInputs(xs)}.`,
      );
    }
    out = next;
  }
  return [null, ...out];
}

/** Random input shapes for element-wise merges: mostly equal, sometimes broadcastable or mismatched. */
export function sampleMergeInputs(rng: Rng): Shape[] {
  const n = 2 + Math.floor(rng() * 3);
  const base: Shape = [
    null,
    ...Array.from({ length: 1 + Math.floor(rng() * 3) }, () => 1 + Math.floor(rng() * 6)),
  ];
  return Array.from({ length: n }, () => {
    const r = rng();
    if (r < 0.7) return base.slice();
    if (r < 0.8) return base.map((d, i) => (i === base.length - 1 ? 1 : d));
    if (r < 0.9) return [null, ...base.slice(2)].length > 1 ? [null, ...base.slice(2)] : base.slice();
    return base.map((d, i) => (i === base.length - 1 ? (d as number) + 1 : d));
  });
}

/** Declares an element-wise merge layer (no params, no weights); each type still gets its own file. */
export function elementwiseMerge(type: string, description: string) {
  return defineLayer({
    type,
    category: 'Merge',
    description,
    params: {},
    inputs: { min: 2, max: 16 },
    outputShape: (xs) => elementwiseShape(type, xs),
    paramCount: () => 0,
    toTfjs: () => ({ className: type, config: {} }),
    sampleInputs: sampleMergeInputs,
  });
}
