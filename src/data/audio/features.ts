/**
 * Raw audio → model input, as one pure function of samples and parameters. No tfjs and no DOM: the data worker,
 * Try-it and the serving endpoint all call `audioToFeatures`, so a served model takes raw samples exactly as
 * the studio prepared its training data.
 */
import type { AudioOptions, DataProblem } from '../types';
import { fitLength, mixToMono, normalisePeak, resample } from './resample';
import { applyFilterbank, dctRows, frameCount, melFilterbank, powerSpectrogram } from './spectral';

/**
 * Added to mel energies before the logarithm, so silence stays finite: about 60 dB below the loudest frames of a
 * peak-normalised clip, which also hides each recording's own faint background noise (a speaker cue, not a word).
 */
const LOG_FLOOR = 1e-2;

/** Sensible defaults for speech at this sample rate: 32 ms frames every 16 ms, 40 mel bands, 1 s clips. */
export function defaultAudioOptions(sampleRate = 8000): AudioOptions {
  const fftSize = sampleRate <= 8000 ? 256 : sampleRate <= 16000 ? 512 : 1024;
  return {
    sampleRate,
    durationMs: 1000,
    feature: 'logmel',
    fftSize,
    hop: fftSize / 2,
    melBands: 40,
    mfccCount: 13,
    fMin: 20,
    fMax: 0,
  };
}

/** Samples per clip after cutting or padding. */
export const clipLength = (o: AudioOptions) => Math.round((o.sampleRate * o.durationMs) / 1000);

/** The model input shape these options produce: [frames, bands or coefficients, 1]. */
export function featureShape(o: AudioOptions): [number, number, number] {
  const frames = frameCount(clipLength(o), o.fftSize, o.hop);
  return [frames, o.feature === 'mfcc' ? o.mfccCount : o.melBands, 1];
}

const isPow2 = (n: number) => Number.isInteger(n) && n > 0 && (n & (n - 1)) === 0;

/** Checks the options; a sentence for the person, or null when they are usable. */
export function audioOptionsProblem(o: AudioOptions): string | null {
  return audioOptionsIssue(o)?.message ?? null;
}

/** `audioOptionsProblem` with the sentence's code (the UI says it in the person's language). */
export function audioOptionsIssue(o: AudioOptions): DataProblem | null {
  if (!Number.isInteger(o.sampleRate) || o.sampleRate < 4000 || o.sampleRate > 48000)
    return {
      code: 'audioRate',
      message: `The sample rate must be a whole number of Hz from 4,000 to 48,000 (got ${o.sampleRate}).`,
      values: { got: o.sampleRate },
    };
  if (!(o.durationMs >= 100 && o.durationMs <= 10000))
    return {
      code: 'audioDuration',
      message: `The clip length must be from 100 to 10,000 ms (got ${o.durationMs}).`,
      values: { got: o.durationMs },
    };
  if (!isPow2(o.fftSize) || o.fftSize < 64 || o.fftSize > 4096)
    return {
      code: 'audioFft',
      message: `The FFT size must be a power of two from 64 to 4,096 (got ${o.fftSize}).`,
      values: { got: o.fftSize },
    };
  if (!Number.isInteger(o.hop) || o.hop < 1 || o.hop > o.fftSize)
    return {
      code: 'audioHop',
      message: `The hop must be a whole number of samples from 1 to the FFT size, ${o.fftSize} (got ${o.hop}).`,
      values: { fft: o.fftSize, got: o.hop },
    };
  if (!Number.isInteger(o.melBands) || o.melBands < 2 || o.melBands > 256)
    return {
      code: 'audioMelBands',
      message: `The number of mel bands must be from 2 to 256 (got ${o.melBands}).`,
      values: { got: o.melBands },
    };
  if (o.feature === 'mfcc' && (!Number.isInteger(o.mfccCount) || o.mfccCount < 1 || o.mfccCount > o.melBands))
    return {
      code: 'audioMfcc',
      message: `The number of MFCCs must be from 1 to the number of mel bands, ${o.melBands} (got ${o.mfccCount}).`,
      values: { bands: o.melBands, got: o.mfccCount },
    };
  const top = fMaxOf(o);
  if (!(o.fMin >= 0 && o.fMin < top) || top > o.sampleRate / 2)
    return {
      code: 'audioFilters',
      message: `The mel filters must lie between 0 Hz and half the sample rate (${o.sampleRate / 2} Hz), low edge below high edge.`,
      values: { half: o.sampleRate / 2 },
    };
  const frames = featureShape(o)[0];
  if (frames * o.melBands > 200_000)
    return {
      code: 'audioTooLarge',
      message: 'These settings make each sample too large; use a longer hop or fewer bands.',
    };
  return null;
}

const fMaxOf = (o: AudioOptions) => (o.fMax > 0 ? o.fMax : o.sampleRate / 2);

const banks = new Map<string, Float32Array[]>();

function bankFor(o: AudioOptions): Float32Array[] {
  const key = `${o.sampleRate}/${o.fftSize}/${o.melBands}/${o.fMin}/${fMaxOf(o)}`;
  let bank = banks.get(key);
  if (!bank) {
    bank = melFilterbank(o.sampleRate, o.fftSize, o.melBands, o.fMin, fMaxOf(o));
    banks.set(key, bank);
  }
  return bank;
}

/**
 * Mono-mixes, resamples to `o.sampleRate`, keeps the loudest `durationMs` (or pads with silence) and scales the
 * peak to 1. Returns the clip the features are computed from (and that Try-it plays back).
 */
export function prepareClip(channels: Float32Array[], sampleRate: number, o: AudioOptions): Float32Array {
  const mono = mixToMono(channels);
  const atRate = sampleRate === o.sampleRate ? mono : resample(mono, sampleRate, o.sampleRate);
  return normalisePeak(Float32Array.from(fitLength(atRate, clipLength(o))));
}

/**
 * Features of a prepared clip (`prepareClip` output, or any clip of `clipLength(o)` samples at `o.sampleRate`):
 * log-mel energies or MFCCs, frames × bins, frame after frame — the layout of `featureShape(o)`.
 */
export function clipFeatures(clip: Float32Array, o: AudioOptions): Float32Array {
  const samples = clip.length === clipLength(o) ? clip : fitLength(clip, clipLength(o));
  const padded = samples.length < o.fftSize ? fitLength(samples, o.fftSize) : samples;
  const mel = applyFilterbank(powerSpectrogram(padded, o.fftSize, o.hop), bankFor(o));
  for (let i = 0; i < mel.length; i++) mel[i] = Math.log(mel[i] + LOG_FLOOR);
  return o.feature === 'mfcc' ? dctRows(mel, o.melBands, o.mfccCount) : mel;
}

/**
 * The whole preprocessing: raw samples (one array per channel, any rate and length) → model input values in
 * the layout of `featureShape(o)`, before the dataset's normaliser is applied.
 */
export function audioToFeatures(channels: Float32Array[], sampleRate: number, o: AudioOptions): Float32Array {
  return clipFeatures(prepareClip(channels, sampleRate, o), o);
}
