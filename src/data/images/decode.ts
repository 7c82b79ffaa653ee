import type { Assembly } from '../assemble';
import { throwIfCancelled } from '../csv/decode';
import type { ImageOptions, Progress } from '../types';
import { DataError, type DataProblem } from '../types';
import type { ImageListing } from './archive';
import { MAX_PIXELS, readImageHeader } from './formats';

/** Decodes one image file and resizes it to width×height; returns RGBA bytes. Throws when it cannot. */
export type ImageDecoder = (
  bytes: Uint8Array,
  type: string,
  width: number,
  height: number,
) => Promise<Uint8ClampedArray>;

/** Images decoded at the same time. */
const PARALLEL = 16;

/** Largest decoded size the studio accepts per side. */
export const MAX_SIDE = 512;

/** Checks decoding options; a message for the person, or null. */
export function imageOptionsProblem(o: ImageOptions): string | null {
  return imageOptionsIssue(o)?.message ?? null;
}

/** `imageOptionsProblem` with the sentence's code, for `DataError`. */
function imageOptionsIssue(o: ImageOptions): DataProblem | null {
  const ok = (n: number) => Number.isInteger(n) && n >= 4 && n <= MAX_SIDE;
  if (!ok(o.width) || !ok(o.height))
    return {
      code: 'imageSize',
      message: `Image width and height must be whole numbers from 4 to ${MAX_SIDE}.`,
      values: { max: MAX_SIDE },
    };
  return null;
}

interface Counts {
  empty: number;
  tooLarge: number;
  broken: number;
}

/**
 * Decodes every listed image to the chosen size and channels (values 0–1). Empty, oversized (by header, so
 * nothing huge is ever decoded) and undecodable files are skipped and counted in the warnings.
 */
export async function decodeImages(
  listing: ImageListing,
  options: ImageOptions,
  decode: ImageDecoder,
  name: string,
  onProgress?: (p: Progress) => void,
  signal?: AbortSignal,
): Promise<Assembly> {
  const problem = imageOptionsIssue(options);
  if (problem) throw DataError.of(problem);
  const { width: w, height: h, channels: c } = options;
  const size = w * h * c;
  const x = new Float32Array(listing.entries.length * size);
  const labels: number[] = [];
  const counts: Counts = { empty: 0, tooLarge: 0, broken: 0 };
  const classIndex = new Map(listing.classNames.map((n, i) => [n, i]));
  // A few decodes in flight at once keep the browser's image decoder busy; order is kept by index.
  for (let start = 0; start < listing.entries.length; start += PARALLEL) {
    throwIfCancelled(signal);
    onProgress?.({ phase: 'Decoding images', fraction: start / listing.entries.length });
    const batch = listing.entries.slice(start, start + PARALLEL);
    const decoded = await Promise.all(batch.map((e) => decodeOne(e.bytes, w, h, decode, counts)));
    decoded.forEach((rgba, k) => {
      if (!rgba) return;
      writePixels(rgba, x, labels.length * size, c);
      labels.push(classIndex.get(batch[k].className)!);
    });
  }
  onProgress?.({ phase: 'Decoding images', fraction: 1 });
  const y = Int32Array.from(labels);
  const present = new Set(labels);
  if (present.size < 2) {
    throw labels.length
      ? new DataError('Only one class has images that could be read; a classifier needs at least two.', {
          code: 'oneImageClass',
        })
      : new DataError('None of the images could be read.', { code: 'noImagesRead' });
  }
  return {
    name,
    x: x.subarray(0, labels.length * size),
    y,
    inputShape: [h, w, c],
    labelKind: 'classes',
    targetShape: [1],
    classNames: listing.classNames,
    format: { kind: 'image', width: w, height: h, channels: c },
    warnings: skippedWarnings(listing, counts),
  };
}

async function decodeOne(bytes: Uint8Array, w: number, h: number, decode: ImageDecoder, counts: Counts) {
  if (bytes.length === 0) {
    counts.empty++;
    return null;
  }
  const header = readImageHeader(bytes);
  if (!header) {
    counts.broken++;
    return null;
  }
  if (header.width * header.height > MAX_PIXELS) {
    counts.tooLarge++;
    return null;
  }
  try {
    return await decode(bytes, header.type, w, h);
  } catch {
    counts.broken++;
    return null;
  }
}

/** RGBA bytes → floats in [0, 1]: RGB, or gray as the luma of RGB. */
function writePixels(rgba: Uint8ClampedArray, out: Float32Array, at: number, channels: 1 | 3): void {
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

function skippedWarnings(listing: ImageListing, counts: Counts): string[] {
  const s = listing.skipped;
  const say = (n: number, what: string) => (n ? [`${n} ${n === 1 ? 'file' : 'files'} ${what}.`] : []);
  return [
    ...say(s.notImage, 'skipped: not images'),
    ...say(s.unsafePath, 'ignored: their paths point outside the archive ("../")'),
    ...say(s.noFolder, 'skipped: not inside a class folder'),
    ...say(counts.empty, 'skipped: empty (0 bytes)'),
    ...say(counts.tooLarge, `skipped: larger than ${MAX_PIXELS / 1e6} megapixels`),
    ...say(counts.broken, 'skipped: damaged or not decodable'),
  ];
}
