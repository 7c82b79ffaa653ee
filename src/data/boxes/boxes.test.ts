import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ImageDecoder } from '../images/decode';
import { boxesAssembly } from './build';
import { loadBoxZip, parseBoxCsv } from './import';
import { generateBoxes } from './synthetic';

function pngHeader(width: number, height: number, fill = 100): Uint8Array {
  const b = new Uint8Array(34);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(b.buffer).setUint32(16, width);
  new DataView(b.buffer).setUint32(20, height);
  b[33] = fill;
  return b;
}

/** Decodes the test PNG headers to a flat gray of their fill byte (Node has no image decoder). */
const flat: ImageDecoder = async (bytes, _t, w, h) => new Uint8ClampedArray(w * h * 4).fill(bytes[33]);
const enc = (s: string) => new TextEncoder().encode(s);
const opts = { width: 8, height: 8, channels: 1 as const };

describe('the built-in box set', () => {
  it('draws each shape brighter than the background, inside its box', () => {
    const set = generateBoxes(60, 3);
    expect(set.classNames).toEqual(['rectangle', 'ellipse', 'triangle']);
    for (let n = 0; n < 60; n++) {
      const [x, y, w, h] = Array.from(set.boxes.subarray(4 * n, 4 * n + 4), (v) => Math.round(v * 32));
      const px = (cx: number, cy: number) => set.images[n * 1024 + cy * 32 + cx];
      let inside = 0;
      let outside = 0;
      let ins = 0;
      let outs = 0;
      for (let cy = 0; cy < 32; cy++)
        for (let cx = 0; cx < 32; cx++) {
          const inBox = cx >= x && cx < x + w && cy >= y && cy < y + h;
          if (inBox) [inside, ins] = [inside + px(cx, cy), ins + 1];
          else [outside, outs] = [outside + px(cx, cy), outs + 1];
        }
      expect(inside / ins).toBeGreaterThan(outside / outs + 0.1);
      expect(x + w).toBeLessThanOrEqual(32);
    }
    expect(Array.from(generateBoxes(60, 3).images.slice(0, 40))).toEqual(Array.from(set.images.slice(0, 40)));
  });

  it('targets the box first, then the one-hot class', () => {
    const a = boxesAssembly(generateBoxes(30, 1), 'b');
    expect(a.targetShape).toEqual([7]);
    expect(Array.from(a.y.slice(4, 7))).toEqual([1, 0, 0]);
    expect(Array.from(a.y.slice(11, 14))).toEqual([0, 1, 0]);
    expect(a.domain).toEqual({ kind: 'boxes', classes: 3 });
  });
});

describe('box zip import', () => {
  it('normalises pixel boxes by each image’s size and sorts the classes', async () => {
    const zip = zipSync({
      'set/boxes.csv': enc('file,x,y,w,h,class\na.png,10,20,40,20,cat\nimgs/b.png,0,0,100,50,dog\n'),
      'set/a.png': pngHeader(100, 50, 200),
      'set/imgs/b.png': pngHeader(200, 100),
    });
    const set = await loadBoxZip(zip, opts, flat);
    expect(set.classNames).toEqual(['cat', 'dog']);
    expect(Array.from(set.boxes)).toEqual([0.1, 0.4, 0.4, 0.4, 0, 0, 0.5, 0.5].map(Math.fround));
    expect(set.images[0]).toBeCloseTo(200 / 255, 5);
  });

  it.each([
    [
      { 'a.png': pngHeader(4, 4) },
      'The zip holds no CSV of boxes: add one with the columns file, x, y, w, h, class.',
    ],
    [
      { 'b.csv': enc('a.png,1,1,2,2,cat\nmissing.png,1,1,2,2,cat\n'), 'a.png': pngHeader(4, 4) },
      '1 row names an image the zip does not hold (e.g. "missing.png" in row 2).',
    ],
    [
      { 'b.csv': enc('file,x,y,w,h,class\na.png,1,1,2,cat\n'), 'a.png': pngHeader(4, 4) },
      'Row 2 of the box table has 5 fields; each row needs 6: file, x, y, w, h, class.',
    ],
    [
      { 'b.csv': enc('a.png,3,1,2,2,cat\n'), 'a.png': pngHeader(4, 4) },
      'Row 1: the box reaches outside "a.png" (4×4).',
    ],
  ])('refuses a broken zip with a sentence (%#)', async (files, message) => {
    await expect(loadBoxZip(zipSync(files as Record<string, Uint8Array>), opts, flat)).rejects.toThrow(
      message,
    );
  });

  it('reads a header row by its non-numeric x', () => {
    expect(parseBoxCsv('a.png;1;2;3;4;x')).toHaveLength(1);
  });
});
