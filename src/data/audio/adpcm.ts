/**
 * IMA ADPCM (4 bits a sample): how the built-in spoken-digit recordings are stored, a quarter of 16-bit PCM
 * with quality fit for speech. Each clip starts from predictor 0, step index 0; two samples per byte, the
 * first in the low nibble.
 */

const INDEX_STEP = [-1, -1, -1, -1, 2, 4, 6, 8, -1, -1, -1, -1, 2, 4, 6, 8];

const STEPS = [
  7, 8, 9, 10, 11, 12, 13, 14, 16, 17, 19, 21, 23, 25, 28, 31, 34, 37, 41, 45, 50, 55, 60, 66, 73, 80, 88, 97,
  107, 118, 130, 143, 157, 173, 190, 209, 230, 253, 279, 307, 337, 371, 408, 449, 494, 544, 598, 658, 724,
  796, 876, 963, 1060, 1166, 1282, 1411, 1552, 1707, 1878, 2066, 2272, 2499, 2749, 3024, 3327, 3660, 4026,
  4428, 4871, 5358, 5894, 6484, 7132, 7845, 8630, 9493, 10442, 11487, 12635, 13899, 15289, 16818, 18500,
  20350, 22385, 24623, 27086, 29794, 32767,
];

interface CodecState {
  predictor: number;
  index: number;
}

/** Applies one nibble to the decoder state and returns the new sample. */
function step(state: CodecState, nibble: number): number {
  const s = STEPS[state.index];
  let diff = s >> 3;
  if (nibble & 4) diff += s;
  if (nibble & 2) diff += s >> 1;
  if (nibble & 1) diff += s >> 2;
  const p = nibble & 8 ? state.predictor - diff : state.predictor + diff;
  state.predictor = Math.max(-32768, Math.min(32767, p));
  state.index = Math.max(0, Math.min(88, state.index + INDEX_STEP[nibble]));
  return state.predictor;
}

/** Encodes 16-bit samples to IMA ADPCM nibbles (ceil(n / 2) bytes). */
export function encodeAdpcm(samples: Int16Array): Uint8Array {
  const out = new Uint8Array(Math.ceil(samples.length / 2));
  const state: CodecState = { predictor: 0, index: 0 };
  for (let i = 0; i < samples.length; i++) {
    let diff = samples[i] - state.predictor;
    let nibble = 0;
    if (diff < 0) {
      nibble = 8;
      diff = -diff;
    }
    let s = STEPS[state.index];
    for (let mask = 4; mask > 0; mask >>= 1) {
      if (diff >= s) {
        nibble |= mask;
        diff -= s;
      }
      s >>= 1;
    }
    step(state, nibble);
    out[i >> 1] |= i & 1 ? nibble << 4 : nibble;
  }
  return out;
}

/** Decodes `count` samples of IMA ADPCM into `out` (values −1 … 1) starting at `offset`. */
export function decodeAdpcm(bytes: Uint8Array, count: number, out: Float32Array, offset = 0): void {
  if (bytes.length < Math.ceil(count / 2)) throw new Error('ADPCM data is shorter than its sample count');
  const state: CodecState = { predictor: 0, index: 0 };
  for (let i = 0; i < count; i++) {
    const byte = bytes[i >> 1];
    out[offset + i] = step(state, i & 1 ? byte >> 4 : byte & 15) / 32768;
  }
}
