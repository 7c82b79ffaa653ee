import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { preprocessingMetadata } from '../../publish/metadata';
import { buildDataset } from '../load';
import { DEFAULT_SPLIT } from '../split';
import type { DatasetConfig } from '../types';
import { audioToFeatures, defaultAudioOptions } from './features';
import { DIGITS_TEST_SPEAKER, loadAudioArchive } from './load';
import { decodeRecord, parseDigitsPack } from './pack';
import { prepareAudioInput } from './predict';
import { encodeWav16 } from './wav';

const bytes = new Uint8Array(readFileSync('data/fsdd/digits-audio.bin'));
const io = {
  asset: async (name: string) => {
    if (name !== 'digits-audio.bin') throw new Error(`unexpected asset ${name}`);
    return bytes;
  },
  file: async () => {
    throw new Error('no uploads here');
  },
};
const config: DatasetConfig = {
  version: 1,
  source: { kind: 'builtin', id: 'digits-audio', seed: 1, samples: 0 },
  split: DEFAULT_SPLIT,
  augment: null,
  fitted: {},
};

describe('the packed spoken digits (FSDD)', () => {
  const pack = parseDigitsPack(bytes);

  it('holds 3,000 recordings of ten digits by six speakers at 8 kHz, at most 1 s each', () => {
    expect(pack.sampleRate).toBe(8000);
    expect(pack.speakers).toEqual(['george', 'jackson', 'lucas', 'nicolas', 'theo', 'yweweler']);
    expect(pack.records).toHaveLength(3000);
    const perDigit = new Array(10).fill(0);
    for (const r of pack.records) perDigit[r.digit]++;
    expect(perDigit).toEqual(new Array(10).fill(300));
    expect(Math.max(...pack.records.map((r) => r.length))).toBeLessThanOrEqual(8000);
    expect(bytes.length).toBeLessThan(6_000_000);
  });

  it('decodes to speech-like audio, not silence or noise', () => {
    const clip = decodeRecord(pack, pack.records[0]);
    const peak = Math.max(...clip.map(Math.abs));
    expect(peak).toBeGreaterThan(0.05);
    expect(peak).toBeLessThanOrEqual(1);
  });

  it('loads as spectrograms split by speaker, with the preprocessing kept for prediction and publishing', async () => {
    const ds = await buildDataset(config, io);
    expect(ds.inputShape).toEqual([61, 40, 1]);
    expect(ds.counts).toEqual({ train: 2250, val: 250, test: 500 });
    expect(ds.format.kind).toBe('spectrogram');
    expect(ds.config.fitted.audio).toEqual(defaultAudioOptions(8000));
    expect(ds.config.fitted.normaliser?.kind).toBe('zscore');
    expect(ds.config.fitted.normaliser?.a).toHaveLength(61 * 40);

    // The held-out speaker's 500 recordings are exactly the test split (ten of each digit per split row checked).
    const test = pack.speakers.indexOf(DIGITS_TEST_SPEAKER);
    expect(pack.records.filter((r) => r.speaker === test)).toHaveLength(500);
    expect(Array.from(ds.y.test).filter((d) => d === 3)).toHaveLength(50);

    // A raw recording prepared for Try-it / the server equals the dataset's own row for it.
    const first = pack.records.findIndex((r) => r.speaker === test);
    const { input } = prepareAudioInput(ds.config, [decodeRecord(pack, pack.records[first])], 8000);
    const row = ds.x.test.subarray(0, 61 * 40);
    for (let i = 0; i < row.length; i += 97) expect(input[i]).toBeCloseTo(row[i], 4);

    // The published metadata carries the audio preprocessing beside the normaliser.
    const meta = preprocessingMetadata(
      'speech',
      ds.config,
      { shape: ds.inputShape, dtype: 'float32' },
      ds.format,
    );
    expect(meta.audio).toEqual(defaultAudioOptions(8000));
    expect(meta.normaliser?.a).toHaveLength(61 * 40);
    expect(meta.input.description).toContain('40 log-mel bands of mono audio resampled to 8000 Hz');
  }, 60_000);

  it('refuses bad feature settings with a sentence before reading anything', async () => {
    const audio = { ...defaultAudioOptions(8000), hop: 0 };
    await expect(
      buildDataset({ ...config, source: { ...config.source, audio } as DatasetConfig['source'] }, io),
    ).rejects.toThrow('The hop must be a whole number of samples');
  });

  it('turns real recordings at another rate into MFCCs of the chosen count', async () => {
    const files: Record<string, Uint8Array> = {};
    for (const r of pack.records.filter((r) => r.take === 0 && r.digit < 2))
      files[`digits/${r.digit}/${r.speaker}.wav`] = encodeWav16([decodeRecord(pack, r)], pack.sampleRate);
    const audio = { ...defaultAudioOptions(16000), feature: 'mfcc' as const, mfccCount: 20 };
    const a = await loadAudioArchive(files, audio, 'digits.zip');
    expect(a.inputShape).toEqual([61, 20, 1]);
    expect(a.classNames).toEqual(['0', '1']);
    expect(a.warnings).toContain('Resampled to 16000 Hz from 8000 Hz.');
  });

  it('gives the same features for a stereo 44.1 kHz copy of a recording as for the original (within resampling)', () => {
    const clip = decodeRecord(pack, pack.records[5]);
    const o = defaultAudioOptions(8000);
    const a = audioToFeatures([clip], 8000, o);
    // Upsample by repeating each sample (a crude 4× copy at 32 kHz), two identical channels.
    const up = Float32Array.from({ length: clip.length * 4 }, (_, i) => clip[i >> 2]);
    const b = audioToFeatures([up, up], 32000, o);
    let diff = 0;
    for (let i = 0; i < a.length; i++) diff += Math.abs(a[i] - b[i]);
    expect(diff / a.length).toBeLessThan(0.5);
  });
});
