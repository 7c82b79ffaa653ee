import { defineLayer } from '../../define';
import { float } from '../../params';

/** Marks time steps whose features all equal maskValue so that later layers skip them. */
export const masking = defineLayer({
  type: 'Masking',
  category: 'Core',
  description:
    'Skips padded time steps: a step whose features all equal maskValue is ignored by the RNN layers after.',
  params: {
    maskValue: float({ default: 0, help: 'Steps whose every feature equals this value are masked.' }),
  },
  outputShape: ([x]) => x,
  paramCount: () => 0,
  sampleInputs: (rng) => [[null, rng() < 0.3 ? null : 1 + Math.floor(rng() * 20), 1 + Math.floor(rng() * 8)]],
  sampleParams: (rng) => ({ maskValue: rng() < 0.5 ? 0 : Math.round(rng() * 20 - 10) }),
});
