import { describe, expect, it } from 'vitest';
import { decodeAdpcm, encodeAdpcm } from './adpcm';
import { audioOptionsProblem, audioToFeatures, defaultAudioOptions, featureShape } from './features';
import { fitLength, mixToMono, resample } from './resample';
import { dctRows, hannWindow, hzToMel, melFilterbank, melToHz, powerSpectrogram } from './spectral';

const tone = (hz: number, rate: number, n: number, amp = 0.5) =>
  Float32Array.from({ length: n }, (_, i) => amp * Math.sin((2 * Math.PI * hz * i) / rate));

/** The textbook DFT, O(n²): the reference the FFT-based spectrogram must match. */
function naivePower(frame: Float64Array): number[] {
  const n = frame.length;
  return Array.from({ length: n / 2 + 1 }, (_, k) => {
    let re = 0;
    let im = 0;
    for (let t = 0; t < n; t++) {
      re += frame[t] * Math.cos((2 * Math.PI * k * t) / n);
      im -= frame[t] * Math.sin((2 * Math.PI * k * t) / n);
    }
    return re * re + im * im;
  });
}

describe('mel filterbank', () => {
  it('maps Hz to HTK mel and back (1000 Hz ≈ 1000 mel)', () => {
    expect(hzToMel(1000)).toBeCloseTo(999.99, 1);
    expect(melToHz(hzToMel(3123))).toBeCloseTo(3123, 6);
  });

  it('matches hand-computed weights (sr 8000, n_fft 8, one band 0–4000 Hz)', () => {
    // Edges equally spaced in mel: 0, 1073.03 and 2146.06 mel = 0, 1113.8 and 4000 Hz. FFT bins sit at
    // 0, 1000, 2000, 3000, 4000 Hz, so the triangle gives 0, 1000/1113.8, 2000/2886.2, 1000/2886.2, 0.
    const [row] = melFilterbank(8000, 8, 1, 0, 4000);
    const centre = melToHz(hzToMel(4000) / 2);
    expect(centre).toBeCloseTo(1113.8, 0);
    const expected = [0, 1000 / centre, 2000 / (4000 - centre), 1000 / (4000 - centre), 0];
    for (const [k, w] of expected.entries()) expect(row[k]).toBeCloseTo(w, 5);
    expect(row[1]).toBeCloseTo(0.8978, 3);
    expect(row[2]).toBeCloseTo(0.69296, 4);
  });

  it('matches librosa.filters.mel(sr=16000, n_fft=512, n_mels=4, htk=True, norm=None) at its peaks', () => {
    // Band edges: mel(8000) = 2595·log10(1 + 8000/700) = 2840.0, split in five steps of 568.0 mel, back to Hz:
    // 0, 458.7, 1218.1, 2475.1, 4555.8, 8000 Hz. Bin k is at 31.25·k Hz; each band peaks at the bin nearest its
    // centre, and bin 17 (531.25 Hz) lies on band 0's falling side: (1218.1 − 531.25) / (1218.1 − 458.7) = 0.9045.
    const bank = melFilterbank(16000, 512, 4, 0, 8000);
    const edges = [0, 1, 2, 3, 4, 5].map((i) => melToHz((hzToMel(8000) * i) / 5));
    expect(edges.map((e) => Math.round(e * 10) / 10)).toEqual([0, 458.7, 1218.1, 2475.1, 4555.8, 8000]);
    bank.forEach((row, m) => {
      const peak = row.indexOf(Math.max(...row));
      expect(Math.abs(peak * 31.25 - edges[m + 1])).toBeLessThanOrEqual(31.25 / 2);
      expect(Math.max(...row)).toBeLessThanOrEqual(1);
      if (m === 0) expect(row[17]).toBeCloseTo(0.9045, 4);
    });
  });
});

describe('STFT', () => {
  it('equals a naive DFT of each Hann-windowed frame', () => {
    const x = Float32Array.from(
      { length: 300 },
      (_, i) => Math.sin(i * 0.37) + 0.3 * Math.cos(i * 1.91) + (i % 7) / 10,
    );
    const power = powerSpectrogram(x, 64, 32);
    const frames = power.length / 33;
    expect(frames).toBe(1 + Math.floor((300 - 64) / 32));
    const w = hannWindow(64);
    for (const f of [0, 3, frames - 1]) {
      const frame = Float64Array.from({ length: 64 }, (_, i) => x[f * 32 + i] * w[i]);
      for (const [k, p] of naivePower(frame).entries())
        expect(Math.abs(power[f * 33 + k] - p)).toBeLessThan(1e-5 * Math.max(1, p));
    }
  });

  it('puts a 1 kHz tone in the 1 kHz bin', () => {
    const power = powerSpectrogram(tone(1000, 8000, 256), 256, 256);
    expect(power.indexOf(Math.max(...power))).toBe(32);
  });

  it('has a periodic Hann window (zero at 0, one at N/2)', () => {
    const w = hannWindow(8);
    expect(Array.from(w, (v) => Math.round(v * 1e6) / 1e6)).toEqual([
      0, 0.146447, 0.5, 0.853553, 1, 0.853553, 0.5, 0.146447,
    ]);
  });
});

describe('DCT', () => {
  it('is the orthonormal DCT-II (a constant row c has only a DC term, √N·c)', () => {
    const out = dctRows(Float32Array.from([2, 2, 2, 2]), 4, 3);
    expect(out[0]).toBeCloseTo(4, 6);
    expect(out[1]).toBeCloseTo(0, 6);
    const ramp = dctRows(Float32Array.from([1, 2, 3, 4]), 4, 2);
    // c0 = Σ x / √4 = 5; c1 = √(2/4) · Σ x[n] cos(π(2n+1)/8) = −2.2304 (as scipy.fft.dct([1,2,3,4], norm='ortho')).
    expect(ramp[0]).toBeCloseTo(5, 5);
    expect(ramp[1]).toBeCloseTo(-2.2304, 4);
  });
});

describe('preparing clips', () => {
  it('mixes stereo to mono by averaging', () => {
    expect(Array.from(mixToMono([Float32Array.from([1, 0]), Float32Array.from([0, 0.5])]))).toEqual([
      0.5, 0.25,
    ]);
  });

  it('resamples a 440 Hz tone from 44.1 kHz to 8 kHz keeping its pitch and length', () => {
    const out = resample(tone(440, 44100, 44100), 44100, 8000);
    expect(out.length).toBe(8000);
    const power = powerSpectrogram(out.subarray(2000, 2000 + 1024), 1024, 1024);
    expect(power.indexOf(Math.max(...power)) * (8000 / 1024)).toBeCloseTo(440, -1);
  });

  it('removes a tone above the new Nyquist instead of aliasing it', () => {
    const out = resample(tone(6000, 16000, 16000), 16000, 8000);
    const rms = Math.sqrt(out.subarray(500, 7500).reduce((s, v) => s + v * v, 0) / 7000);
    expect(rms).toBeLessThan(0.02);
  });

  it('pads short clips with silence and keeps the loudest window of long ones', () => {
    expect(Array.from(fitLength(Float32Array.from([1, 2]), 4))).toEqual([1, 2, 0, 0]);
    const long = Float32Array.from([0, 0, 0, 5, 5, 0, 0]);
    expect(Array.from(fitLength(long, 2))).toEqual([5, 5]);
  });
});

describe('audioToFeatures', () => {
  it('turns any rate, channel count and length into the same input shape', () => {
    const o = defaultAudioOptions(8000);
    const shape = featureShape(o);
    expect(shape).toEqual([61, 40, 1]);
    const a = audioToFeatures([tone(500, 8000, 3000)], 8000, o);
    const b = audioToFeatures([tone(500, 22050, 40000), tone(500, 22050, 40000)], 22050, o);
    expect(a.length).toBe(61 * 40);
    expect(b.length).toBe(61 * 40);
    expect(a.every(Number.isFinite)).toBe(true);
    // The 500 Hz tone lands in the same mel band at either rate.
    const band = (f: Float32Array) => {
      const row = Array.from(f.subarray(10 * 40, 11 * 40));
      return row.indexOf(Math.max(...row));
    };
    expect(band(b)).toBe(band(a));
  });

  it('gives MFCCs of the chosen count', () => {
    const o = { ...defaultAudioOptions(8000), feature: 'mfcc' as const, mfccCount: 13 };
    expect(featureShape(o)).toEqual([61, 13, 1]);
    expect(audioToFeatures([tone(300, 8000, 8000)], 8000, o).length).toBe(61 * 13);
  });

  it('explains bad parameters', () => {
    const o = defaultAudioOptions(8000);
    expect(audioOptionsProblem(o)).toBeNull();
    expect(audioOptionsProblem({ ...o, fftSize: 300 })).toMatch(/power of two/);
    expect(audioOptionsProblem({ ...o, fMax: 6000 })).toMatch(/half the sample rate \(4000 Hz\)/);
    expect(audioOptionsProblem({ ...o, feature: 'mfcc', mfccCount: 50 })).toMatch(/MFCCs/);
  });
});

describe('IMA ADPCM', () => {
  it('round-trips speech-like audio within a few percent', () => {
    const x = Float32Array.from({ length: 4000 }, (_, i) => 0.6 * Math.sin(i * 0.2) * Math.sin(i * 0.003));
    const pcm = Int16Array.from(x, (v) => Math.round(v * 32767));
    const bytes = encodeAdpcm(pcm);
    expect(bytes.length).toBe(2000);
    const back = new Float32Array(4000);
    decodeAdpcm(bytes, 4000, back);
    let err = 0;
    let sig = 0;
    for (let i = 0; i < 4000; i++) {
      err += (back[i] - x[i]) ** 2;
      sig += x[i] ** 2;
    }
    expect(Math.sqrt(err / sig)).toBeLessThan(0.05);
  });
});
