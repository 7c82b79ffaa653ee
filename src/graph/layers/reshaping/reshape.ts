import { defineLayer } from '../../define';
import { intList } from '../../params';
import { featureSize, formatShape, ShapeError } from '../../shape';

/** Reshapes each sample to a target shape with the same number of elements. */
export const reshape = defineLayer({
  type: 'Reshape',
  category: 'Reshaping',
  description: 'Gives each sample a new shape with the same number of elements; one entry may be -1.',
  params: {
    targetShape: intList({
      default: [28, 28, 1],
      minLength: 1,
      maxLength: 4,
      allowInfer: true,
      help: 'e.g. 28, 28, 1. A -1 is left unknown (None) by TF.js, so prefer explicit sizes.',
    }),
  },
  outputShape: ([x], p) => {
    const n = featureSize(x);
    const known = p.targetShape.filter((d) => d !== -1).reduce((a, b) => a * b, 1);
    if (n === null) {
      if (p.targetShape.includes(-1))
        throw new ShapeError(
          `Reshape cannot infer -1 from ${formatShape(x)}, whose size varies (None). Write every target size out instead of -1, or give the Input a fixed size.`,
          undefined,
          { code: 'reshapeUnknown', values: { got: formatShape(x) } },
        );
      return [null, ...p.targetShape];
    }
    if (p.targetShape.includes(-1)) {
      if (n % known !== 0)
        throw new ShapeError(
          `Reshape cannot split ${formatShape(x)} (${n} values per sample) into ${JSON.stringify(p.targetShape)}: ${n} is not a multiple of ${known}.`,
        );
      // TF.js leaves the inferred dimension unknown in symbolic shapes; mirror it exactly.
      return [null, ...p.targetShape.map((d) => (d === -1 ? null : d))];
    }
    if (known !== n)
      throw new ShapeError(
        `Reshape to ${formatShape([null, ...p.targetShape])} needs ${known} values per sample, but the input ${formatShape(x)} has ${n}.`,
        { kind: 'setParams', label: `Set target shape to ${n}`, params: { targetShape: [n] } },
      );
    return [null, ...p.targetShape];
  },
  paramCount: () => 0,
  fromKeras: (c) => {
    const t = c.targetShape as (number | null)[] | undefined;
    return Array.isArray(t) ? { targetShape: t.map((d) => d ?? -1) } : {};
  },
  sampleInputs: () => [[null, 24]],
  sampleParams: (rng) => {
    const opts = [[24], [2, 12], [4, 6], [2, 3, 4], [-1, 6], [3, -1], [2, 2, -1]];
    return { targetShape: opts[Math.floor(rng() * opts.length)] };
  },
});
