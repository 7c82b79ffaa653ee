/** Image file kinds the studio decodes. */
export type ImageType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/bmp' | 'image/webp';

export interface ImageHeader {
  type: ImageType;
  /** Width and height from the header, or 0 when the header does not say (then the decoder decides). */
  width: number;
  height: number;
}

/** Largest image (in pixels) the studio decodes; bigger headers are skipped before any decoding. */
export const MAX_PIXELS = 40_000_000;

const IMAGE_EXT = /\.(png|jpe?g|gif|bmp|webp)$/i;

/** True when the file name has an image extension. */
export function hasImageExtension(name: string): boolean {
  return IMAGE_EXT.test(name);
}

const u16be = (b: Uint8Array, i: number) => (b[i] << 8) | b[i + 1];
const u32be = (b: Uint8Array, i: number) =>
  ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0;
const u16le = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const i32le = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24);

/** Reads the type and size from an image file's first bytes; null when it is not a known image format. */
export function readImageHeader(b: Uint8Array): ImageHeader | null {
  if (b.length >= 24 && u32be(b, 0) === 0x89504e47 && u32be(b, 12) === 0x49484452) {
    return { type: 'image/png', width: u32be(b, 16), height: u32be(b, 20) };
  }
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return jpegHeader(b);
  if (b.length >= 10 && b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46) {
    return { type: 'image/gif', width: u16le(b, 6), height: u16le(b, 8) };
  }
  if (b.length >= 26 && b[0] === 0x42 && b[1] === 0x4d) {
    return { type: 'image/bmp', width: Math.abs(i32le(b, 18)), height: Math.abs(i32le(b, 22)) };
  }
  if (b.length >= 12 && u32be(b, 0) === 0x52494646 && u32be(b, 8) === 0x57454250) {
    return { type: 'image/webp', width: 0, height: 0 };
  }
  return null;
}

/** Walks JPEG segments to the start-of-frame marker, which holds the size. */
function jpegHeader(b: Uint8Array): ImageHeader {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) {
      i++;
      continue;
    }
    const marker = b[i + 1];
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) return { type: 'image/jpeg', height: u16be(b, i + 5), width: u16be(b, i + 7) };
    i += 2 + u16be(b, i + 2);
  }
  return { type: 'image/jpeg', width: 0, height: 0 };
}

/** True when the header says the image has no colour: a gray PNG (types 0 and 4) or a one-component JPEG. */
export function isGrayscale(b: Uint8Array): boolean {
  if (b.length >= 26 && u32be(b, 0) === 0x89504e47 && u32be(b, 12) === 0x49484452) {
    return b[25] === 0 || b[25] === 4;
  }
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) {
    let i = 2;
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) {
        i++;
        continue;
      }
      const m = b[i + 1];
      if (m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc) return b[i + 9] === 1;
      i += 2 + u16be(b, i + 2);
    }
  }
  return false;
}
