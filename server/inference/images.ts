/**
 * Server-side image decoding for raw inputs: TF Serving's `{"b64": "..."}` PNG or JPEG, decoded with pure-JS
 * codecs (pngjs, jpeg-js: no native code, so nothing to build and nothing to crash the process), then resized
 * and scaled exactly as the studio's data pipeline does (RGB, or gray as the luma of RGB, values / 255).
 * The size in the header is checked before anything is inflated, so a decompression bomb costs nothing.
 */
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { readImageHeader } from '../../src/data/images/formats.ts';
import { HttpError } from '../errors.ts';

/** Largest decoded image, in pixels (4096 × 4096); bigger headers are refused before decoding. */
export const MAX_IMAGE_PIXELS = 4096 * 4096;

/** RGBA bytes of one decoded image. */
export interface Rgba {
  width: number;
  height: number;
  data: Uint8Array;
}

const BASE64 = /^[A-Za-z0-9+/\-_]*={0,2}$/;

/** Decodes base64 (standard or URL-safe, as TF Serving accepts) into bytes; a sentence on failure. */
export function fromBase64(text: string, what: string): Buffer {
  const clean = text.replace(/\s+/g, '');
  if (!BASE64.test(clean)) throw new HttpError(400, `${what}: "b64" is not base64 text`);
  return Buffer.from(clean.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

/** Decodes a PNG or JPEG file into RGBA; 400 for anything else, damaged files or headers over the limit. */
export function decodeImage(bytes: Uint8Array, what: string, maxPixels = MAX_IMAGE_PIXELS): Rgba {
  const header = readImageHeader(bytes);
  if (!header || (header.type !== 'image/png' && header.type !== 'image/jpeg')) {
    throw new HttpError(400, `${what}: only PNG and JPEG images can be sent as "b64"`);
  }
  if (header.width < 1 || header.height < 1) {
    throw new HttpError(400, `${what}: the ${header.type.slice(6).toUpperCase()} header has no size`);
  }
  if (header.width * header.height > maxPixels) {
    throw new HttpError(
      400,
      `${what}: the image is ${header.width}×${header.height} pixels; at most ${maxPixels} pixels are decoded`,
    );
  }
  try {
    if (header.type === 'image/png') {
      const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      return { width: png.width, height: png.height, data: png.data };
    }
    const maxResolutionInMP = Math.ceil(maxPixels / 1e6);
    const img = jpeg.decode(bytes, {
      useTArray: true,
      formatAsRGBA: true,
      maxResolutionInMP,
      maxMemoryUsageInMB: maxResolutionInMP * 8 + 64,
    });
    return { width: img.width, height: img.height, data: img.data };
  } catch {
    throw new HttpError(400, `${what}: the image is damaged or uses a variant that cannot be decoded`);
  }
}

/**
 * Resamples RGBA to `w`×`h`: the average of the source area each output pixel covers when shrinking
 * (like a browser's high-quality resize), bilinear when enlarging. Returns floats per channel (0–255).
 */
export function resizeRgba(img: Rgba, w: number, h: number): Float32Array {
  const out = new Float32Array(w * h * 4);
  const sx = img.width / w;
  const sy = img.height / h;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const o = (y * w + x) * 4;
      if (sx >= 1 && sy >= 1) areaAverage(img, x * sx, y * sy, sx, sy, out, o);
      else bilinear(img, (x + 0.5) * sx - 0.5, (y + 0.5) * sy - 0.5, out, o);
    }
  }
  return out;
}

function areaAverage(
  img: Rgba,
  x0: number,
  y0: number,
  sx: number,
  sy: number,
  out: Float32Array,
  o: number,
) {
  const xa = Math.floor(x0);
  const ya = Math.floor(y0);
  const xb = Math.min(img.width, Math.ceil(x0 + sx));
  const yb = Math.min(img.height, Math.ceil(y0 + sy));
  let total = 0;
  const acc = [0, 0, 0, 0];
  for (let y = ya; y < yb; y++) {
    const wy = Math.min(y + 1, y0 + sy) - Math.max(y, y0);
    for (let x = xa; x < xb; x++) {
      const wgt = wy * (Math.min(x + 1, x0 + sx) - Math.max(x, x0));
      const i = (y * img.width + x) * 4;
      for (let c = 0; c < 4; c++) acc[c] += wgt * img.data[i + c];
      total += wgt;
    }
  }
  for (let c = 0; c < 4; c++) out[o + c] = acc[c] / total;
}

function bilinear(img: Rgba, fx: number, fy: number, out: Float32Array, o: number) {
  const cx = Math.min(Math.max(fx, 0), img.width - 1);
  const cy = Math.min(Math.max(fy, 0), img.height - 1);
  const x0 = Math.floor(cx);
  const y0 = Math.floor(cy);
  const x1 = Math.min(x0 + 1, img.width - 1);
  const y1 = Math.min(y0 + 1, img.height - 1);
  const tx = cx - x0;
  const ty = cy - y0;
  const at = (x: number, y: number, c: number) => img.data[(y * img.width + x) * 4 + c];
  for (let c = 0; c < 4; c++) {
    const top = at(x0, y0, c) * (1 - tx) + at(x1, y0, c) * tx;
    const bottom = at(x0, y1, c) * (1 - tx) + at(x1, y1, c) * tx;
    out[o + c] = top * (1 - ty) + bottom * ty;
  }
}

/** RGBA (0–255) → the model's pixels: RGB or luma, divided by 255 (as src/data/images/decode.ts does). */
export function writePixels(rgba: Float32Array, out: Float32Array, at: number, channels: 1 | 3): void {
  const n = rgba.length / 4;
  for (let p = 0; p < n; p++) {
    const r = rgba[4 * p];
    const g = rgba[4 * p + 1];
    const b = rgba[4 * p + 2];
    if (channels === 1) out[at + p] = (0.299 * r + 0.587 * g + 0.114 * b) / 255;
    else {
      out[at + 3 * p] = r / 255;
      out[at + 3 * p + 1] = g / 255;
      out[at + 3 * p + 2] = b / 255;
    }
  }
}
