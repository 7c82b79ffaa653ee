import { DataError } from '../types';
import { decodeAdpcm } from './adpcm';

/** One recording of the packed spoken-digit set. */
export interface DigitRecord {
  digit: number;
  speaker: number;
  take: number;
  /** Samples in the recording. */
  length: number;
  /** Where its ADPCM bytes start in the file. */
  offset: number;
}

/** The spoken-digit set as packed by scripts/pack-fsdd.ts. */
export interface DigitsPack {
  sampleRate: number;
  speakers: string[];
  records: DigitRecord[];
  bytes: Uint8Array;
}

const broken = () =>
  new DataError('digits-audio.bin is damaged. Restore data/fsdd/digits-audio.bin and run "npm run build".', {
    code: 'digitsPackDamaged',
  });

/** Reads the header and record table of digits-audio.bin (see scripts/pack-fsdd.ts for the layout). */
export function parseDigitsPack(bytes: Uint8Array): DigitsPack {
  if (bytes.length < 13 || String.fromCharCode(...bytes.subarray(0, 4)) !== 'MSAD') throw broken();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sampleRate = view.getUint32(6, true);
  const count = view.getUint16(10, true);
  const speakers: string[] = [];
  let at = 13;
  for (let s = 0; s < bytes[12]; s++) {
    const len = bytes[at];
    speakers.push(String.fromCharCode(...bytes.subarray(at + 1, at + 1 + len)));
    at += 1 + len;
  }
  let offset = at + count * 5;
  const records: DigitRecord[] = [];
  for (let i = 0; i < count; i++, at += 5) {
    if (at + 5 > bytes.length) throw broken();
    const length = view.getUint16(at + 3, true);
    records.push({ digit: bytes[at], speaker: bytes[at + 1], take: bytes[at + 2], length, offset });
    offset += Math.ceil(length / 2);
  }
  if (offset > bytes.length) throw broken();
  return { sampleRate, speakers, records, bytes };
}

/** Decodes one recording to samples in −1 … 1. */
export function decodeRecord(pack: DigitsPack, r: DigitRecord): Float32Array {
  const out = new Float32Array(r.length);
  decodeAdpcm(pack.bytes.subarray(r.offset, r.offset + Math.ceil(r.length / 2)), r.length, out);
  return out;
}
