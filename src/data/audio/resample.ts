/** Turning any clip into a fixed-length mono clip at one sample rate. Pure; shared by the worker and the server. */

/** Averages the channels into one (a mono clip is returned as it is). */
export function mixToMono(channels: Float32Array[]): Float32Array {
  if (channels.length === 0) return new Float32Array(0);
  if (channels.length === 1) return channels[0];
  const out = new Float32Array(channels[0].length);
  for (const ch of channels) for (let i = 0; i < out.length; i++) out[i] += ch[i] ?? 0;
  for (let i = 0; i < out.length; i++) out[i] /= channels.length;
  return out;
}

/** Zero crossings of the sinc kernel on each side (quality against speed). */
const HALF_TAPS = 16;
/** Kernel table resolution: values per input-sample step (linear interpolation in between). */
const PHASES = 256;

const sinc = (x: number) => (x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x));

const kernels = new Map<number, { table: Float32Array; width: number }>();

/** The windowed-sinc kernel for this cut-off, tabulated over |x| in [0, width] (built once per ratio). */
function kernelFor(cut: number): { table: Float32Array; width: number } {
  let k = kernels.get(cut);
  if (!k) {
    const width = Math.ceil(HALF_TAPS / cut);
    const table = new Float32Array(width * PHASES + 2);
    for (let i = 0; i < table.length; i++) {
      const x = i / PHASES;
      table[i] = x >= width ? 0 : cut * sinc(x * cut) * (0.5 + 0.5 * Math.cos((Math.PI * x) / width));
    }
    k = { table, width };
    kernels.set(cut, k);
  }
  return k;
}

/**
 * Band-limited resampling with a Hann-windowed sinc. When going down, the kernel is widened so frequencies
 * above the new Nyquist are filtered out instead of folding back as aliases.
 */
export function resample(samples: Float32Array, from: number, to: number): Float32Array {
  if (from === to) return samples.slice();
  const ratio = to / from;
  const n = Math.max(1, Math.round(samples.length * ratio));
  const out = new Float32Array(n);
  // Cut-off a little below the lower Nyquist, in cycles per source sample (×2).
  const { table, width } = kernelFor(Math.min(1, ratio) * 0.95);
  for (let j = 0; j < n; j++) {
    const t = j / ratio;
    const centre = Math.floor(t);
    const lo = Math.max(0, centre - width + 1);
    const hi = Math.min(samples.length - 1, centre + width);
    let sum = 0;
    for (let k = lo; k <= hi; k++) {
      const p = Math.abs(t - k) * PHASES;
      const i = Math.floor(p);
      const f = p - i;
      sum += samples[k] * (table[i] + (table[i + 1] - table[i]) * f);
    }
    out[j] = sum;
  }
  return out;
}

/**
 * Pads with silence at the end, or keeps the loudest `length`-sample window of a longer clip (so a recording
 * with a pause before the word still centres on the word).
 */
export function fitLength(samples: Float32Array, length: number): Float32Array {
  if (samples.length === length) return samples;
  const out = new Float32Array(length);
  if (samples.length < length) {
    out.set(samples);
    return out;
  }
  let energy = 0;
  for (let i = 0; i < length; i++) energy += samples[i] * samples[i];
  let best = energy;
  let start = 0;
  for (let s = 1; s + length <= samples.length; s++) {
    energy += samples[s + length - 1] ** 2 - samples[s - 1] ** 2;
    if (energy > best + 1e-12) {
      best = energy;
      start = s;
    }
  }
  out.set(samples.subarray(start, start + length));
  return out;
}

/** Scales a clip so its loudest sample is ±1 (near-silent clips are left alone); works in place. */
export function normalisePeak(samples: Float32Array): Float32Array {
  let peak = 0;
  for (const s of samples) peak = Math.max(peak, Math.abs(s));
  if (peak > 1e-4) for (let i = 0; i < samples.length; i++) samples[i] /= peak;
  return samples;
}
