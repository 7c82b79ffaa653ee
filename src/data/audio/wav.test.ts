import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DataError } from '../types';
import { defaultAudioOptions } from './features';
import { listAudio, loadAudioArchive } from './load';
import { encodeWav16, parseWav } from './wav';

/** Writes a WAV by hand: format code, bits, channels and rate as asked, samples given per frame per channel. */
function wav(o: {
  code?: number;
  bits: number;
  channels: number;
  rate: number;
  frames: number[][];
  extensible?: boolean;
}) {
  const width = o.bits / 8;
  const data = o.frames.length * o.channels * width;
  const fmtSize = o.extensible ? 40 : 16;
  const b = new Uint8Array(12 + 8 + fmtSize + 8 + data);
  const v = new DataView(b.buffer);
  const text = (at: number, s: string) => {
    for (let i = 0; i < s.length; i++) b[at + i] = s.charCodeAt(i);
  };
  text(0, 'RIFF');
  v.setUint32(4, b.length - 8, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  v.setUint32(16, fmtSize, true);
  v.setUint16(20, o.extensible ? 0xfffe : (o.code ?? 1), true);
  v.setUint16(22, o.channels, true);
  v.setUint32(24, o.rate, true);
  v.setUint32(28, o.rate * o.channels * width, true);
  v.setUint16(32, o.channels * width, true);
  v.setUint16(34, o.bits, true);
  if (o.extensible) v.setUint16(20 + 24, o.code ?? 1, true);
  const d = 20 + fmtSize;
  text(d, 'data');
  v.setUint32(d + 4, data, true);
  let at = d + 8;
  for (const frame of o.frames)
    for (const s of frame) {
      if (o.code === 3 && o.bits === 32) v.setFloat32(at, s, true);
      else if (o.code === 3) v.setFloat64(at, s, true);
      else if (o.bits === 8) v.setUint8(at, Math.round(s * 127) + 128);
      else if (o.bits === 16) v.setInt16(at, Math.round(s * 32767), true);
      else if (o.bits === 24) {
        const n = Math.round(s * 8388607);
        v.setUint8(at, n & 255);
        v.setUint8(at + 1, (n >> 8) & 255);
        v.setInt8(at + 2, n >> 16);
      } else v.setInt32(at, Math.round(s * 2147483647), true);
      at += width;
    }
  return b;
}

const frames = [[0.5], [-0.25], [0], [1]];

describe('parseWav', () => {
  it.each([8, 16, 24, 32])('reads %i-bit PCM', (bits) => {
    const out = parseWav(wav({ bits, channels: 1, rate: 8000, frames }));
    expect(out.sampleRate).toBe(8000);
    expect(out.channels).toHaveLength(1);
    const tol = bits === 8 ? 0.01 : 1e-4;
    for (const [i, s] of out.channels[0].entries()) expect(Math.abs(s - frames[i][0])).toBeLessThan(tol);
  });

  it.each([32, 64])('reads %i-bit float', (bits) => {
    const out = parseWav(wav({ code: 3, bits, channels: 1, rate: 44100, frames }));
    expect(Array.from(out.channels[0])).toEqual([0.5, -0.25, 0, 1]);
  });

  it('reads stereo at an odd sample rate and WAVE_FORMAT_EXTENSIBLE', () => {
    const out = parseWav(
      wav({
        bits: 16,
        channels: 2,
        rate: 11025,
        frames: [
          [0.5, -0.5],
          [0.25, 0],
        ],
        extensible: true,
      }),
    );
    expect(out.sampleRate).toBe(11025);
    expect(out.channels.map((c) => Array.from(c, (s) => Math.round(s * 100) / 100))).toEqual([
      [0.5, 0.25],
      [-0.5, 0],
    ]);
  });

  it('round-trips its own 16-bit writer', () => {
    const clip = Float32Array.from({ length: 50 }, (_, i) => Math.sin(i / 3) * 0.8);
    const back = parseWav(encodeWav16([clip], 16000));
    expect(back.sampleRate).toBe(16000);
    for (const [i, s] of back.channels[0].entries()) expect(s).toBeCloseTo(clip[i], 3);
  });

  it('says why a broken file cannot be read', () => {
    expect(() => parseWav(new Uint8Array(0))).toThrow('it is empty.');
    expect(() => parseWav(new TextEncoder().encode('ID3 not a wav at all'))).toThrow('not a RIFF/WAVE file');
    expect(() => parseWav(wav({ code: 2, bits: 4, channels: 1, rate: 8000, frames: [] }))).toThrow(
      /codec \(format 2\) is not supported/,
    );
    const whole = wav({ bits: 16, channels: 1, rate: 8000, frames });
    expect(() => parseWav(whole.subarray(0, 30))).toThrow('cut short');
    expect(() => parseWav(whole.subarray(0, 44))).toThrow('holds no samples');
  });

  it('keeps the whole frames of a file cut short in its data, and says so', () => {
    const whole = wav({
      bits: 16,
      channels: 2,
      rate: 8000,
      frames: [
        [0.1, 0.1],
        [0.2, 0.2],
        [0.3, 0.3],
      ],
    });
    const cut = parseWav(whole.subarray(0, whole.length - 3));
    expect(cut.truncated).toBe(true);
    expect(cut.channels[0].length).toBe(2);
  });
});

const clip = (hz: number, rate: number, seconds: number, channels = 1) => {
  const n = Math.round(rate * seconds);
  const ch = Float32Array.from({ length: n }, (_, i) => 0.5 * Math.sin((2 * Math.PI * hz * i) / rate));
  return encodeWav16(
    Array.from({ length: channels }, () => ch),
    rate,
  );
};

describe('loadAudioArchive', () => {
  const o = defaultAudioOptions(8000);

  it('labels by folder and converts mismatched rates, channels and lengths instead of refusing them', async () => {
    const files = {
      'sounds/low/a.wav': clip(300, 8000, 0.5),
      'sounds/low/b.wav': clip(320, 16000, 1.5, 2),
      'sounds/high/c.wav': clip(2000, 22050, 1),
      'sounds/high/d.wav': new Uint8Array(0),
      'sounds/readme.txt': new TextEncoder().encode('hi'),
    };
    const a = await loadAudioArchive(files, o, 'sounds.zip');
    expect(a.classNames).toEqual(['high', 'low']);
    expect(Array.from(a.y).sort()).toEqual([0, 1, 1]);
    expect(a.inputShape).toEqual([61, 40, 1]);
    expect(a.x.length).toBe(3 * 61 * 40);
    const text = a.warnings?.join('\n') ?? '';
    expect(text).toContain('1 file was skipped: sounds/high/d.wav (it is empty.)');
    expect(text).toContain('Resampled to 8000 Hz from 16000, 22050 Hz.');
    expect(text).toContain('1 recording has several channels; mixed to mono.');
    expect(text).toContain('1 recording is longer than 1000 ms; the loudest part was kept.');
    expect(text).toContain('1 recording is shorter than 1000 ms; padded with silence.');
    expect(a.fitted?.audio).toEqual(o);
  });

  it('refuses with a sentence when nothing can be read, or only one class', async () => {
    await expect(
      loadAudioArchive({ 'a/x.wav': new Uint8Array(0), 'b/y.mp3': new Uint8Array([1, 2]) }, o, 'z'),
    ).rejects.toThrow(/None of the recordings could be read \(a\/x\.wav \(it is empty\.\)\)/);
    await expect(
      loadAudioArchive({ 'a/x.wav': clip(200, 8000, 0.2), 'b/y.ogg': new Uint8Array([1, 2, 3]) }, o, 'z'),
    ).rejects.toThrow('Only one class has recordings');
    expect(() => listAudio({ 'x.wav': clip(200, 8000, 0.2) })).toThrow(/not in folders/);
    expect(() => listAudio({ 'a/x.txt': new Uint8Array(1) })).toThrow(/No audio files found/);
    await expect(
      loadAudioArchive({ 'a/x.wav': clip(1, 8000, 1) }, { ...o, fftSize: 100 }, 'z'),
    ).rejects.toThrow(DataError);
  });

  it('reads a real zip made by fflate', async () => {
    const zip = zipSync({ 'yes/1.wav': clip(400, 8000, 1), 'no/1.wav': clip(900, 8000, 1) });
    const { unzipSync } = await import('fflate');
    const a = await loadAudioArchive(unzipSync(zip), o, 'yes-no.zip');
    expect(a.classNames).toEqual(['no', 'yes']);
  });
});
