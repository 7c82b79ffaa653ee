/**
 * Short-time Fourier transform, mel filterbank and DCT. The FFT is fft.js (MIT, radix-4, a well-tested
 * real-input transform with no dependencies); the rest is written out here so it can be checked by hand.
 */
import FFT from 'fft.js';

/** The HTK mel scale: mel = 2595 · log10(1 + f / 700). */
export const hzToMel = (hz: number) => 2595 * Math.log10(1 + hz / 700);
/** Inverse of hzToMel. */
export const melToHz = (mel: number) => 700 * (10 ** (mel / 2595) - 1);

/** The periodic Hann window (as tf.signal.hannWindow and scipy's `hann(N, sym=False)`). */
export function hannWindow(n: number): Float32Array {
  return Float32Array.from({ length: n }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / n));
}

const ffts = new Map<number, FFT>();
const windows = new Map<number, Float32Array>();

/**
 * Power spectrogram |X|² of Hann-windowed frames of `fftSize` samples every `hop` samples, no padding (the
 * framing of tf.signal.stft). Returns frames × (fftSize / 2 + 1) values, frame after frame.
 */
export function powerSpectrogram(samples: Float32Array, fftSize: number, hop: number): Float32Array {
  const frames = frameCount(samples.length, fftSize, hop);
  const bins = fftSize / 2 + 1;
  let fft = ffts.get(fftSize);
  if (!fft) {
    fft = new FFT(fftSize);
    ffts.set(fftSize, fft);
  }
  let window = windows.get(fftSize);
  if (!window) {
    window = hannWindow(fftSize);
    windows.set(fftSize, window);
  }
  const out = new Float32Array(frames * bins);
  const frame = new Float64Array(fftSize);
  const spectrum: number[] = fft.createComplexArray();
  for (let f = 0; f < frames; f++) {
    const start = f * hop;
    for (let i = 0; i < fftSize; i++) frame[i] = samples[start + i] * window[i];
    fft.realTransform(spectrum, frame);
    for (let k = 0; k < bins; k++) {
      const re = spectrum[2 * k];
      const im = spectrum[2 * k + 1];
      out[f * bins + k] = re * re + im * im;
    }
  }
  return out;
}

/** Frames an STFT of this framing yields for `length` samples (at least one: short clips are zero-padded first). */
export function frameCount(length: number, fftSize: number, hop: number): number {
  return length < fftSize ? 1 : 1 + Math.floor((length - fftSize) / hop);
}

/**
 * Triangular mel filters over the FFT bins, peak 1, built exactly as librosa.filters.mel(sr, n_fft, n_mels,
 * fmin, fmax, htk=True, norm=None): band edges equally spaced in mel, each triangle drawn in Hz.
 * Returns `bands` rows of fftSize / 2 + 1 weights.
 */
export function melFilterbank(
  sampleRate: number,
  fftSize: number,
  bands: number,
  fMin: number,
  fMax: number,
): Float32Array[] {
  const bins = fftSize / 2 + 1;
  const fftFreqs = Array.from({ length: bins }, (_, k) => (k * sampleRate) / fftSize);
  const lo = hzToMel(fMin);
  const hi = hzToMel(fMax);
  const edges = Array.from({ length: bands + 2 }, (_, i) => melToHz(lo + ((hi - lo) * i) / (bands + 1)));
  return Array.from({ length: bands }, (_, m) => {
    const row = new Float32Array(bins);
    const [left, centre, right] = [edges[m], edges[m + 1], edges[m + 2]];
    for (let k = 0; k < bins; k++) {
      const rising = (fftFreqs[k] - left) / (centre - left);
      const falling = (right - fftFreqs[k]) / (right - centre);
      row[k] = Math.max(0, Math.min(rising, falling));
    }
    return row;
  });
}

const supports = new WeakMap<Float32Array, [number, number]>();

/** The index range where a filter is non-zero (a triangle covers a few bins of many). */
function support(row: Float32Array): [number, number] {
  let range = supports.get(row);
  if (!range) {
    let from = 0;
    while (from < row.length && row[from] === 0) from++;
    let to = row.length;
    while (to > from && row[to - 1] === 0) to--;
    range = [from, to];
    supports.set(row, range);
  }
  return range;
}

/** Multiplies each spectrogram frame by the filterbank: frames × bands. */
export function applyFilterbank(power: Float32Array, bank: Float32Array[]): Float32Array {
  const bins = bank[0].length;
  const frames = power.length / bins;
  const out = new Float32Array(frames * bank.length);
  for (let f = 0; f < frames; f++)
    for (let m = 0; m < bank.length; m++) {
      const row = bank[m];
      const [from, to] = support(row);
      let sum = 0;
      for (let k = from; k < to; k++) sum += row[k] * power[f * bins + k];
      out[f * bank.length + m] = sum;
    }
  return out;
}

/** Orthonormal DCT-II of each row (scipy.fft.dct(type=2, norm='ortho')), keeping the first `keep` coefficients. */
export function dctRows(values: Float32Array, width: number, keep: number): Float32Array {
  const rows = values.length / width;
  const out = new Float32Array(rows * keep);
  for (let r = 0; r < rows; r++)
    for (let k = 0; k < keep; k++) {
      let sum = 0;
      for (let n = 0; n < width; n++)
        sum += values[r * width + n] * Math.cos((Math.PI * k * (2 * n + 1)) / (2 * width));
      out[r * keep + k] = sum * Math.sqrt((k === 0 ? 1 : 2) / width);
    }
  return out;
}
