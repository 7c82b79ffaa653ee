import { gunzipSync } from 'fflate';
import type { Splits } from '../types';
import { DataError } from '../types';

/** MNIST as packed by scripts/prepare-data.mjs. */
export interface MnistPack {
  rows: number;
  cols: number;
  labels: Uint8Array;
  pixels: Uint8Array;
  split: Splits<Int32Array>;
}

const range = (from: number, to: number) => Int32Array.from({ length: to - from }, (_, i) => from + i);

/**
 * Reads a packed image file (see scripts/prepare-data.mjs for the layout): gzip-compressed (mnist.bin) or
 * stored as is (fashion-mnist.bin). A stored file is not copied: labels and pixels are views over `packed`.
 */
export function parseMnistPack(packed: Uint8Array, name = 'mnist.bin'): MnistPack {
  const bytes = packed[0] === 0x1f && packed[1] === 0x8b ? gunzip(packed, name) : packed;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (bytes.length < 20 || magic !== 'MSMN')
    throw new DataError(`${name} is not a packed image file. Run "node scripts/prepare-data.mjs --force".`, {
      code: 'notPacked',
      values: { name },
    });
  const count = view.getUint32(4, true);
  const rows = view.getUint16(8, true);
  const cols = view.getUint16(10, true);
  const train = view.getUint32(12, true);
  const val = view.getUint32(16, true);
  const labels = bytes.subarray(20, 20 + count);
  const pixels = bytes.subarray(20 + count, 20 + count + count * rows * cols);
  if (pixels.length !== count * rows * cols)
    throw new DataError(`${name} is cut short. Run "node scripts/prepare-data.mjs --force".`, {
      code: 'cutShort',
      values: { name },
    });
  return {
    rows,
    cols,
    labels,
    pixels,
    split: { train: range(0, train), val: range(train, train + val), test: range(train + val, count) },
  };
}

/** The spam corpus as packed by scripts/prepare-data.mjs. */
export interface TextPack {
  classNames: string[];
  labels: number[];
  texts: string[];
}

/** Reads the gzip-packed JSON text corpus. */
export function parseTextPack(gz: Uint8Array): TextPack {
  const pack = JSON.parse(new TextDecoder().decode(gunzip(gz, 'spam.bin'))) as TextPack;
  if (!Array.isArray(pack.texts) || pack.texts.length !== pack.labels?.length) {
    throw new DataError('spam.bin is damaged. Run "node scripts/prepare-data.mjs --force".', {
      code: 'spamDamaged',
    });
  }
  return pack;
}

function gunzip(gz: Uint8Array, name: string): Uint8Array {
  try {
    return gunzipSync(gz);
  } catch {
    throw new DataError(`${name} is not a gzip file. Run "node scripts/prepare-data.mjs --force".`, {
      code: 'notGzip',
      values: { name },
    });
  }
}
