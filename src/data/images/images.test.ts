import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { isUnsafePath, listImages, readZip, suggestImageOptions } from './archive';
import { decodeImages, type ImageDecoder } from './decode';
import { readImageHeader } from './formats';

/** A PNG signature and IHDR chunk with the given size, followed by `rest` (the image data is not real). */
function pngHeader(width: number, height: number, rest: number[] = [1, 2, 3]): Uint8Array {
  const b = new Uint8Array(33 + rest.length);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(b.buffer).setUint32(16, width);
  new DataView(b.buffer).setUint32(20, height);
  b.set(rest, 33);
  return b;
}

/** Decodes our fake PNGs to a flat colour (the first data byte); throws on "corrupted" ones (data byte 0). */
function fakeDecoder(calls: number[]): ImageDecoder {
  return async (bytes, _type, w, h) => {
    calls.push(bytes.length);
    if (bytes[33] === 0) throw new Error('corrupt');
    return new Uint8ClampedArray(w * h * 4).fill(bytes[33]);
  };
}

const zip = (files: Record<string, Uint8Array>) => zipSync(files);
const opts = { width: 8, height: 8, channels: 1 as const };

describe('image headers', () => {
  it('reads PNG, GIF and JPEG sizes and rejects other bytes', () => {
    expect(readImageHeader(pngHeader(20_000, 20_000))).toEqual({
      type: 'image/png',
      width: 20_000,
      height: 20_000,
    });
    const gif = new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 3, 0, 5, 0]);
    expect(readImageHeader(gif)).toEqual({ type: 'image/gif', width: 3, height: 5 });
    const jpeg = new Uint8Array([
      0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 11, 8, 0, 30, 0, 40, 3, 0, 0,
    ]);
    expect(readImageHeader(jpeg)).toEqual({ type: 'image/jpeg', width: 40, height: 30 });
    expect(readImageHeader(new TextEncoder().encode('hello, not an image'))).toBeNull();
  });
});

describe('listing a zip of class folders', () => {
  it('groups by folder, looks through one top folder, ignores ../ paths and counts non-images', () => {
    const files = readZip(
      zip({
        'set/cats/1.png': pngHeader(4, 4),
        'set/dogs/1.png': pngHeader(4, 4),
        'set/dogs/notes.txt': new TextEncoder().encode('hi'),
        'set/../evil/2.png': pngHeader(4, 4),
      }),
    );
    const listing = listImages(files);
    expect(listing.classNames).toEqual(['cats', 'dogs']);
    expect(listing.entries).toHaveLength(2);
    expect(listing.skipped).toEqual({ notImage: 1, unsafePath: 1, noFolder: 0 });
  });

  it('recognises unsafe paths', () => {
    expect(['../a.png', 'a/../../b.png', '/etc/x.png', 'C:\\x.png', 'a\\..\\b.png'].every(isUnsafePath)).toBe(
      true,
    );
    expect(isUnsafePath('cats/..x.png')).toBe(false);
  });

  it('explains a zip with no folders', () => {
    expect(() => listImages(readZip(zip({ 'a.png': pngHeader(2, 2), 'b.png': pngHeader(2, 2) })))).toThrow(
      /not in folders/,
    );
  });

  it('explains a zip of one class only', () => {
    expect(() =>
      listImages(readZip(zip({ 'cats/a.png': pngHeader(2, 2), 'cats/b.png': pngHeader(2, 2) }))),
    ).toThrow(/one folder \("cats"\)/);
  });

  it('explains a zip with no images', () => {
    expect(() => listImages(readZip(zip({ 'docs/a.txt': new Uint8Array([1]) })))).toThrow(
      /No images found.*1 file is not images/,
    );
  });

  it('explains a file that is not a zip', () => {
    expect(() => readZip(new TextEncoder().encode('plain text'))).toThrow(/not a readable .zip/);
  });
});

describe('decoding images', () => {
  it('skips 0-byte, corrupted and oversized images (without decoding the huge one) and counts them', async () => {
    const calls: number[] = [];
    const listing = listImages(
      readZip(
        zip({
          'a/ok.png': pngHeader(30, 10, [200]),
          'a/empty.png': new Uint8Array(0),
          'a/broken.png': pngHeader(10, 10, [0]),
          'b/huge.png': pngHeader(20_000, 20_000, [9]),
          'b/ok.png': pngHeader(5, 50, [100]),
          'b/garbage.png': new TextEncoder().encode('not a png at all'),
        }),
      ),
    );
    const a = await decodeImages(listing, opts, fakeDecoder(calls), 'z.zip');
    expect(a.x.length).toBe(2 * 64);
    expect(Array.from(a.y)).toEqual([0, 1]);
    expect(a.inputShape).toEqual([8, 8, 1]);
    expect(a.x[0]).toBeCloseTo(200 / 255, 5);
    expect(calls).toHaveLength(3);
    expect(a.warnings).toEqual([
      '1 file skipped: empty (0 bytes).',
      '1 file skipped: larger than 40 megapixels.',
      '2 files skipped: damaged or not decodable.',
    ]);
  });

  it('resizes mixed sizes to one size, in RGB when asked', async () => {
    const listing = listImages(
      readZip(zip({ 'a/1.png': pngHeader(3, 90, [10]), 'b/2.png': pngHeader(640, 480, [20]) })),
    );
    const a = await decodeImages(listing, { width: 6, height: 4, channels: 3 }, fakeDecoder([]), 'z');
    expect(a.inputShape).toEqual([4, 6, 3]);
    expect(a.x.length).toBe(2 * 4 * 6 * 3);
  });

  it('refuses a set where only one class could be read', async () => {
    const listing = listImages(
      readZip(zip({ 'a/1.png': pngHeader(3, 3, [10]), 'b/2.png': pngHeader(3, 3, [0]) })),
    );
    await expect(decodeImages(listing, opts, fakeDecoder([]), 'z')).rejects.toThrow(/Only one class/);
  });

  it('refuses silly sizes', async () => {
    const listing = listImages(
      readZip(zip({ 'a/1.png': pngHeader(3, 3, [10]), 'b/2.png': pngHeader(3, 3, [5]) })),
    );
    await expect(decodeImages(listing, { ...opts, width: 0 }, fakeDecoder([]), 'z')).rejects.toThrow(
      /from 4 to 512/,
    );
  });
});

describe('suggested decoding options', () => {
  const rgb = (w: number, h: number) => {
    const b = pngHeader(w, h);
    b[25] = 2; // colour type 2: RGB
    return b;
  };
  it('keeps a small common size and grayscale, so gray digits are not stored as 32×32 RGB', () => {
    const files: Record<string, Uint8Array> = {
      'notes.txt': new Uint8Array([1]),
      'a/empty.png': new Uint8Array(),
    };
    for (let i = 0; i < 40; i++) files[`${i % 2 ? 'a' : 'b'}/${i}.png`] = pngHeader(28, 28);
    expect(suggestImageOptions(zip(files))).toEqual({ width: 28, height: 28, channels: 1 });
  });
  it('falls back to 32×32 for mixed or large sizes and to RGB when any image has colour', () => {
    expect(suggestImageOptions(zip({ 'a/1.png': pngHeader(28, 28), 'b/2.png': rgb(28, 28) }))).toEqual({
      width: 28,
      height: 28,
      channels: 3,
    });
    expect(suggestImageOptions(zip({ 'a/1.png': rgb(20, 20), 'b/2.png': rgb(40, 40) }))).toEqual({
      width: 32,
      height: 32,
      channels: 3,
    });
    expect(
      suggestImageOptions(zip({ 'a/1.png': pngHeader(640, 480), 'b/2.png': pngHeader(640, 480) })),
    ).toEqual({
      width: 32,
      height: 32,
      channels: 1,
    });
  });
  it('says when the file is not a zip', () => {
    expect(() => suggestImageOptions(new Uint8Array([1, 2, 3]))).toThrow('not a readable .zip');
  });
});
