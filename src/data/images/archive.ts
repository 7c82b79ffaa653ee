import { unzipSync } from 'fflate';
import type { ImageOptions } from '../types';
import { DataError, type DataErrorDetail, type DataProblem } from '../types';
import { hasImageExtension, isGrayscale, MAX_PIXELS, readImageHeader } from './formats';

/** One image file with its class (the name of the folder it sits in). */
export interface ImageEntry {
  path: string;
  className: string;
  bytes: Uint8Array;
}

/** Files that were left out, by reason; shown to the person as counts. */
export interface Skipped {
  notImage: number;
  unsafePath: number;
  noFolder: number;
}

export interface ImageListing {
  entries: ImageEntry[];
  classNames: string[];
  skipped: Skipped;
}

const HIDDEN = /(^|\/)(__MACOSX|\.[^/]*)(\/|$)/;

/** Reads a zip's files; a file that is not a zip at all is a DataError. */
export function readZip(bytes: Uint8Array): Record<string, Uint8Array> {
  try {
    return unzipSync(bytes);
  } catch {
    throw new DataError('The file is not a readable .zip archive.', { code: 'notZip' });
  }
}

/** True when a path could escape its folder ("../x", "/etc/x", "C:\x") and must be ignored. */
export function isUnsafePath(path: string): boolean {
  const p = path.replace(/\\/g, '/');
  return p.startsWith('/') || /^[a-z]:/i.test(p) || p.split('/').some((seg) => seg === '..');
}

/**
 * Groups files into classes by their folder: "cats/1.png" is class "cats". A single top folder around the class
 * folders is looked through. Unsafe paths, hidden files and non-images are skipped and counted.
 */
export function listImages(files: Record<string, Uint8Array>): ImageListing {
  const skipped: Skipped = { notImage: 0, unsafePath: 0, noFolder: 0 };
  const paths: string[] = [];
  for (const raw of Object.keys(files)) {
    const path = raw.replace(/\\/g, '/');
    if (path.endsWith('/')) continue;
    if (isUnsafePath(path)) skipped.unsafePath++;
    else if (HIDDEN.test(path)) continue;
    else if (!hasImageExtension(path)) skipped.notImage++;
    else paths.push(raw);
  }
  const split = paths.map((p) => p.replace(/\\/g, '/').split('/'));
  const top = split[0]?.[0];
  const strip = split.length > 0 && split.every((s) => s.length >= 3 && s[0] === top) ? 1 : 0;
  const entries: ImageEntry[] = [];
  split.forEach((segs, k) => {
    if (segs.length - strip < 2) {
      skipped.noFolder++;
      return;
    }
    entries.push({ path: paths[k], className: segs[segs.length - 2], bytes: files[paths[k]] });
  });
  if (!entries.length) throw DataError.of(noImagesProblem(skipped));
  const classNames = [...new Set(entries.map((e) => e.className))].sort();
  if (classNames.length < 2) {
    throw new DataError(
      `All images are in one folder ("${classNames[0]}"); a classifier needs at least two classes. Put each class in its own folder.`,
      { code: 'oneImageFolder', values: { folder: classNames[0] } },
    );
  }
  return { entries, classNames, skipped };
}

function noImagesProblem(s: Skipped): DataProblem {
  if (s.noFolder) {
    return {
      code: 'imagesNotInFolders',
      message:
        'The images are not in folders. Put each class in a folder named after it (cats/1.png, dogs/2.png) and zip those folders.',
    };
  }
  const parts: { text: string; detail: DataErrorDetail }[] = [];
  if (s.notImage)
    parts.push({
      text: `${s.notImage} file${s.notImage === 1 ? ' is' : 's are'} not images`,
      detail: { code: 'partNotImage', values: { count: s.notImage } },
    });
  if (s.unsafePath)
    parts.push({
      text: `${s.unsafePath} had unsafe paths`,
      detail: { code: 'partUnsafe', values: { count: s.unsafePath } },
    });
  if (!parts.length) return { code: 'noImages', message: 'No images found (PNG, JPEG, GIF, BMP or WebP).' };
  return {
    code: 'noImagesSkipped',
    message: `No images found (PNG, JPEG, GIF, BMP or WebP): ${parts.map((p) => p.text).join(', ')}.`,
    values: { parts: parts.map((p) => p.detail) },
  };
}

/** Images looked at to suggest decoding options. */
const SUGGEST_SAMPLE = 32;
/** Largest side kept as is when every sampled image has the same size; bigger ones are resized to 32×32. */
const KEEP_SIDE = 64;

/**
 * Decoding options that fit the archive, from the headers of its first images (only those are decompressed):
 * their own size when they all share one of at most 64×64 (else 32×32), and grayscale when every one of them is
 * grayscale. A zip of 60,000 28×28 gray digits then takes 188 MB as floats instead of 737 MB at 32×32 RGB.
 */
export function suggestImageOptions(zip: Uint8Array): ImageOptions {
  let picked = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zip, {
      filter: (f) =>
        picked < SUGGEST_SAMPLE &&
        f.originalSize > 0 &&
        !isUnsafePath(f.name) &&
        !HIDDEN.test(f.name) &&
        hasImageExtension(f.name) &&
        ++picked > 0,
    });
  } catch {
    throw new DataError('The file is not a readable .zip archive.', { code: 'notZip' });
  }
  const headers = Object.values(files)
    .map((bytes) => ({ bytes, header: readImageHeader(bytes) }))
    .filter(
      (h): h is { bytes: Uint8Array; header: NonNullable<ReturnType<typeof readImageHeader>> } =>
        !!h.header &&
        h.header.width > 0 &&
        h.header.height > 0 &&
        h.header.width * h.header.height <= MAX_PIXELS,
    );
  const fallback: ImageOptions = { width: 32, height: 32, channels: 3 };
  if (!headers.length) return fallback;
  const { width, height } = headers[0].header;
  const sameSize = headers.every((h) => h.header.width === width && h.header.height === height);
  const keep = sameSize && width >= 4 && height >= 4 && width <= KEEP_SIDE && height <= KEEP_SIDE;
  const gray = headers.every((h) => isGrayscale(h.bytes));
  return { width: keep ? width : 32, height: keep ? height : 32, channels: gray ? 1 : 3 };
}
