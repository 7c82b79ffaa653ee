import { defineLayer } from '../../define';
import { bool, int, optionalInt } from '../../params';
import { formatShape, ShapeError } from '../../shape';
import type { Shape } from '../../types';

/** Checks Embedding's optional inputLength against the input, as TF.js does. */
function checkLength(x: Shape, inputLength: number | null): void {
  if (inputLength === null) return;
  if (x.length !== 2 || (x[1] !== null && x[1] !== inputLength)) {
    throw new ShapeError(
      `Embedding expects sequences of ${inputLength} ids (None, ${inputLength}) because inputLength is set; it got ${formatShape(x)}.`,
      { kind: 'setParams', label: 'Clear inputLength', params: { inputLength: null } },
    );
  }
}

/** Turns integer ids into dense vectors. */
export const embedding = defineLayer({
  type: 'Embedding',
  category: 'Embedding',
  description: 'Turns integer token ids (None, steps) into learned vectors (None, steps, outputDim).',
  params: {
    inputDim: int({ min: 1, default: 1000, help: 'Vocabulary size: ids run from 0 to inputDim - 1.' }),
    outputDim: int({ min: 1, default: 64, help: 'Length of each embedding vector.' }),
    maskZero: bool(false, 'Treat id 0 as padding and mask it for the layers after.'),
    inputLength: optionalInt({ min: 1, default: null, help: 'Fixed sequence length; leave empty for any.' }),
  },
  outputShape: ([x], p) => {
    checkLength(x, p.inputLength);
    // TF.js fills an unknown step count from inputLength.
    return p.inputLength === null ? [...x, p.outputDim] : [x[0], p.inputLength, p.outputDim];
  },
  paramCount: (_x, p) => p.inputDim * p.outputDim,
  sampleInputs: (rng) => {
    const steps = rng() < 0.2 ? null : 1 + Math.floor(rng() * 20);
    return [rng() < 0.15 ? [null, 3, steps] : [null, steps]];
  },
  sampleParams: (rng) => ({
    inputDim: 1 + Math.floor(rng() * 500),
    outputDim: 1 + Math.floor(rng() * 32),
    inputLength: rng() < 0.3 ? 1 + Math.floor(rng() * 20) : null,
  }),
});
