/**
 * A RIFF/WAVE reader: PCM 8 (unsigned), 16, 24 and 32-bit integers, 32/64-bit floats, A-law and µ-law, plain or
 * WAVE_FORMAT_EXTENSIBLE, any channel count and sample rate. Pure, so the data worker, tests and the server share it.
 */

/** Decoded audio: one Float32Array per channel, values −1 … 1. */
export interface DecodedAudio {
  sampleRate: number;
  channels: Float32Array[];
  /** True when the file ended before its data chunk did (the whole frames present were kept). */
  truncated: boolean;
}

/** A file that cannot be read as audio, with a sentence for the person. */
export class AudioFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AudioFormatError';
  }
}

const PCM = 1;
const FLOAT = 3;
const ALAW = 6;
const MULAW = 7;
const EXTENSIBLE = 0xfffe;
/** Longest clip read, so a huge file cannot exhaust memory (10 minutes at 48 kHz, mono). */
const MAX_FRAMES = 48_000 * 600;

const tag = (b: Uint8Array, at: number) => String.fromCharCode(b[at], b[at + 1], b[at + 2], b[at + 3]);

/** True when the bytes start like a WAV file. */
export function isWav(bytes: Uint8Array): boolean {
  return bytes.length >= 12 && tag(bytes, 0) === 'RIFF' && tag(bytes, 8) === 'WAVE';
}

interface Format {
  code: number;
  channels: number;
  sampleRate: number;
  bits: number;
}

function readFormat(view: DataView, at: number, size: number): Format {
  if (size < 16) throw new AudioFormatError('its format chunk is too short.');
  let code = view.getUint16(at, true);
  const channels = view.getUint16(at + 2, true);
  const sampleRate = view.getUint32(at + 4, true);
  const bits = view.getUint16(at + 14, true);
  if (code === EXTENSIBLE && size >= 26) code = view.getUint16(at + 24, true);
  return { code, channels, sampleRate, bits };
}

function checkFormat(f: Format): void {
  const known: Record<number, number[]> = {
    [PCM]: [8, 16, 24, 32],
    [FLOAT]: [32, 64],
    [ALAW]: [8],
    [MULAW]: [8],
  };
  if (!known[f.code])
    throw new AudioFormatError(
      `its codec (format ${f.code}) is not supported; save it as PCM or float WAV, or as MP3/OGG/FLAC.`,
    );
  if (!known[f.code].includes(f.bits))
    throw new AudioFormatError(`${f.bits}-bit samples are not supported for this codec.`);
  if (f.channels < 1) throw new AudioFormatError('it says it has no channels.');
  if (f.sampleRate < 1000 || f.sampleRate > 384_000)
    throw new AudioFormatError(`its sample rate (${f.sampleRate} Hz) is outside 1,000–384,000 Hz.`);
}

function mulaw(u: number): number {
  const v = ~u & 0xff;
  const t = (((v & 0x0f) << 3) + 0x84) << ((v & 0x70) >> 4);
  return (v & 0x80 ? 0x84 - t : t - 0x84) / 32768;
}

function alaw(a: number): number {
  const v = a ^ 0x55;
  const seg = (v & 0x70) >> 4;
  let t = (v & 0x0f) << 4;
  t = seg === 0 ? t + 8 : ((t + 0x108) << (seg - 1)) >>> 0;
  return (v & 0x80 ? t : -t) / 32768;
}

/** One sample reader per codec and width: (view, byte offset) → value in −1 … 1. */
function sampleReader(f: Format): (v: DataView, at: number) => number {
  if (f.code === FLOAT)
    return f.bits === 32 ? (v, at) => v.getFloat32(at, true) : (v, at) => v.getFloat64(at, true);
  if (f.code === MULAW) return (v, at) => mulaw(v.getUint8(at));
  if (f.code === ALAW) return (v, at) => alaw(v.getUint8(at));
  if (f.bits === 8) return (v, at) => (v.getUint8(at) - 128) / 128;
  if (f.bits === 16) return (v, at) => v.getInt16(at, true) / 32768;
  if (f.bits === 24)
    return (v, at) =>
      ((v.getUint8(at) | (v.getUint8(at + 1) << 8) | (v.getInt8(at + 2) << 16)) as number) / 8388608;
  return (v, at) => v.getInt32(at, true) / 2147483648;
}

/** Parses a WAV file; throws AudioFormatError with the reason (completing "The file could not be read: …"). */
export function parseWav(bytes: Uint8Array): DecodedAudio {
  if (bytes.length === 0) throw new AudioFormatError('it is empty.');
  if (!isWav(bytes)) throw new AudioFormatError('it is not a RIFF/WAVE file.');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let format: Format | null = null;
  let at = 12;
  while (at + 8 <= bytes.length) {
    const id = tag(bytes, at);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === 'fmt ') {
      if (body + 16 > bytes.length) break;
      format = readFormat(view, body, size);
    } else if (id === 'data') {
      if (!format) throw new AudioFormatError('its data comes before its format chunk.');
      return readData(view, body, size, format);
    }
    at = body + size + (size & 1);
  }
  throw new AudioFormatError(
    format ? 'it has no audio data (the file may be cut short).' : 'it is cut short.',
  );
}

function readData(view: DataView, body: number, size: number, f: Format): DecodedAudio {
  checkFormat(f);
  const width = f.bits / 8;
  const frameBytes = width * f.channels;
  const available = Math.min(size, view.byteLength - body);
  const frames = Math.min(Math.floor(available / frameBytes), MAX_FRAMES);
  if (frames === 0) throw new AudioFormatError('it holds no samples.');
  const read = sampleReader(f);
  const channels = Array.from({ length: f.channels }, () => new Float32Array(frames));
  for (let i = 0; i < frames; i++) {
    const base = body + i * frameBytes;
    for (let c = 0; c < f.channels; c++) channels[c][i] = read(view, base + c * width);
  }
  return { sampleRate: f.sampleRate, channels, truncated: available < size };
}

/** Writes mono or multi-channel audio as a 16-bit PCM WAV (for tests, fixtures and Try-it recordings). */
export function encodeWav16(channels: Float32Array[], sampleRate: number): Uint8Array {
  const frames = channels[0]?.length ?? 0;
  const n = channels.length;
  const out = new Uint8Array(44 + frames * n * 2);
  const v = new DataView(out.buffer);
  const text = (at: number, s: string) => {
    for (let i = 0; i < 4; i++) out[at + i] = s.charCodeAt(i);
  };
  text(0, 'RIFF');
  v.setUint32(4, 36 + frames * n * 2, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  v.setUint32(16, 16, true);
  v.setUint16(20, PCM, true);
  v.setUint16(22, n, true);
  v.setUint32(24, sampleRate, true);
  v.setUint32(28, sampleRate * n * 2, true);
  v.setUint16(32, n * 2, true);
  v.setUint16(34, 16, true);
  text(36, 'data');
  v.setUint32(40, frames * n * 2, true);
  for (let i = 0; i < frames; i++)
    for (let c = 0; c < n; c++) {
      const s = Math.max(-1, Math.min(1, channels[c][i]));
      v.setInt16(44 + (i * n + c) * 2, Math.round(s < 0 ? s * 32768 : s * 32767), true);
    }
  return out;
}
