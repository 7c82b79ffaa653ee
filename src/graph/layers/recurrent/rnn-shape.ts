import type { Fix } from '../../shape';
import { formatShape, ShapeError } from '../../shape';
import type { Shape } from '../../types';
import type { Rng } from '../../define';
import { activation, bool, float, int } from '../../params';

const SEQ = '(None, timesteps, features)';

/** The graph edit that turns a non-sequence input into one, where one is sensible. */
function toSequenceFix(x: Shape): Fix | undefined {
  const known = x.slice(1).every((d) => d !== null);
  if (!known) return undefined;
  if (x.length === 2) {
    const n = x[1] as number;
    return {
      kind: 'insertBefore',
      label: `Insert Reshape [${n}, 1]`,
      port: 0,
      layer: { type: 'Reshape', params: { targetShape: [n, 1] } },
    };
  }
  if (x.length === 4) {
    const [h, w, c] = x.slice(1) as number[];
    return {
      kind: 'insertBefore',
      label: `Insert Reshape [${h}, ${w * c}]`,
      port: 0,
      layer: { type: 'Reshape', params: { targetShape: [h, w * c] } },
    };
  }
  return undefined;
}

/** Checks a rank-3 sequence input and returns its feature size; explains and fixes the common mistakes. */
export function expectSequence(layer: string, x: Shape): number {
  if (x.length !== 3) {
    const fix = toSequenceFix(x);
    const base = `${layer} needs a rank-3 input ${SEQ}; it got ${formatShape(x)}`;
    let hint = '';
    if (x.length === 2) hint = fix ? ` — ${fix.label} to read it as ${x[1]} steps of 1 feature.` : '.';
    else if (x.length === 4)
      hint = `, which looks like an image (None, h, w, c)${fix ? ` — ${fix.label} to read each row as one step.` : '.'}`;
    else if (x.length > 4) hint = ' — wrap the layers before it in TimeDistributed or Reshape to 3 axes.';
    else hint = '.';
    throw new ShapeError(base + hint, fix);
  }
  const f = x[2];
  if (f === null)
    throw new ShapeError(
      `${layer} needs a known feature size (last axis); it got ${formatShape(x)}. Put an Embedding before ${layer} for token ids, or give the Input a fixed last size.`,
      undefined,
      { code: 'rnnFeatures', values: { layer, got: formatShape(x) } },
    );
  return f;
}

/** The output of a recurrent layer: the last step, or every step with returnSequences. */
export function rnnOutputShape(x: Shape, units: number, returnSequences: boolean): Shape {
  return returnSequences ? [x[0], x[1], units] : [x[0], units];
}

/** Weights of one recurrent cell with `gates` gate blocks (SimpleRNN 1, GRU 3, LSTM 4). */
export function rnnWeights(features: number, units: number, useBias: boolean, gates: number): number {
  return gates * (features * units + units * units + (useBias ? units : 0));
}

/** The parameters SimpleRNN, LSTM and GRU share, with TF.js names and defaults. */
export function rnnParams() {
  return {
    units: int({ min: 1, default: 32, help: 'Size of the hidden state (output features).' }),
    activation: activation('tanh'),
    useBias: bool(true),
    returnSequences: bool(
      false,
      'Output every step (None, steps, units) instead of only the last (None, units).',
    ),
    goBackwards: bool(false, 'Read the sequence backwards.'),
    dropout: float({
      min: 0,
      max: 1,
      maxExclusive: true,
      default: 0,
      help: 'Fraction of the inputs dropped.',
    }),
    recurrentDropout: float({
      min: 0,
      max: 1,
      maxExclusive: true,
      default: 0,
      help: 'Fraction of the recurrent state dropped.',
    }),
  };
}

/** A random sequence input for the cross-checks: sometimes an unknown length, sometimes a wrong rank. */
export function sampleSequence(rng: Rng): Shape {
  const r = rng();
  const f = 1 + Math.floor(rng() * 12);
  if (r < 0.1) return [null, f];
  if (r < 0.15) return [null, 4, 4, f];
  return [null, r < 0.3 ? null : 1 + Math.floor(rng() * 10), f];
}

/** Random values for the shared recurrent parameters. */
export function sampleRnnParams(rng: Rng) {
  return {
    units: 1 + Math.floor(rng() * 16),
    dropout: rng() < 0.3 ? Math.round(rng() * 50) / 100 : 0,
    recurrentDropout: rng() < 0.3 ? Math.round(rng() * 50) / 100 : 0,
  };
}
