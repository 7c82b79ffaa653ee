/**
 * NumPy's `.npy` format, version 1.0: the magic `\x93NUMPY`, version bytes, a little-endian uint16 header
 * length, an ASCII Python-dict header padded with spaces to a multiple of 64 bytes and ending in a newline,
 * then the raw little-endian array in C order. Enough to hand arrays to `numpy.load` and read them back.
 */

/** The array types written: float32 features, int32 ids and class indices, uint8 pixels. */
export type NpyArray = Float32Array | Int32Array | Uint8Array;

const DESCR = { float32: '<f4', int32: '<i4', uint8: '|u1' } as const;
const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];

function descrOf(a: NpyArray): string {
  if (a instanceof Float32Array) return DESCR.float32;
  if (a instanceof Int32Array) return DESCR.int32;
  return DESCR.uint8;
}

/** Encodes `data` with `shape` (its product must equal the length) as the bytes of a .npy file. */
export function encodeNpy(data: NpyArray, shape: readonly number[]): Uint8Array {
  const size = shape.reduce((a, b) => a * b, 1);
  if (size !== data.length)
    throw new Error(`Shape (${shape.join(', ')}) needs ${size} values, got ${data.length}.`);
  const dims = shape.length === 1 ? `${shape[0]},` : shape.join(', ');
  let header = `{'descr': '${descrOf(data)}', 'fortran_order': False, 'shape': (${dims}), }`;
  const unpadded = MAGIC.length + 4 + header.length + 1;
  header += ' '.repeat((64 - (unpadded % 64)) % 64);
  header += '\n';
  const out = new Uint8Array(MAGIC.length + 4 + header.length + data.byteLength);
  out.set(MAGIC, 0);
  out[6] = 1;
  out[7] = 0;
  new DataView(out.buffer).setUint16(8, header.length, true);
  for (let i = 0; i < header.length; i++) out[10 + i] = header.charCodeAt(i);
  // Typed arrays are in the platform's order; every platform a browser runs on is little-endian.
  out.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), 10 + header.length);
  return out;
}

/** Reads a .npy file written by `encodeNpy` (or NumPy, for these three types, C order, version 1). */
export function decodeNpy(bytes: Uint8Array): { shape: number[]; data: NpyArray } {
  if (!MAGIC.every((b, i) => bytes[i] === b))
    throw new Error('Not a .npy file: the magic bytes are missing.');
  if (bytes[6] !== 1) throw new Error(`Only .npy version 1 is read here, not ${bytes[6]}.`);
  const length = new DataView(bytes.buffer, bytes.byteOffset).getUint16(8, true);
  const header = new TextDecoder('latin1').decode(bytes.subarray(10, 10 + length));
  const descr = /'descr':\s*'([^']+)'/.exec(header)?.[1];
  const dims = /'shape':\s*\(([^)]*)\)/.exec(header)?.[1] ?? '';
  if (/'fortran_order':\s*True/.test(header)) throw new Error('Fortran-order arrays are not read here.');
  const shape = dims
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map(Number);
  const body = bytes.slice(10 + length);
  const data =
    descr === DESCR.float32
      ? new Float32Array(body.buffer)
      : descr === DESCR.int32
        ? new Int32Array(body.buffer)
        : descr === DESCR.uint8
          ? body
          : null;
  if (!data) throw new Error(`Unsupported .npy type ${descr}.`);
  return { shape, data };
}
