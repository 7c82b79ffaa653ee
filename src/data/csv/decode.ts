import type { Progress } from '../types';
import { CancelledError, DataError } from '../types';

/** Bytes read per step; small enough to report progress often, large enough to be fast. */
export const CHUNK_BYTES = 4 * 1024 * 1024;

/** Throws CancelledError when the signal has fired. */
export function throwIfCancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw new CancelledError();
}

/**
 * Reads a blob as UTF-8 text in chunks, calling `onText` for each decoded piece. A UTF-8 byte-order mark is
 * dropped; UTF-16 files and invalid UTF-8 stop with a message naming the byte where it went wrong.
 */
export async function readUtf8Chunks(
  blob: Blob,
  onText: (text: string) => void,
  onProgress?: (p: Progress) => void,
  signal?: AbortSignal,
  chunkBytes = CHUNK_BYTES,
): Promise<void> {
  if (blob.size === 0)
    throw new DataError('The file is empty: there is nothing to read.', { code: 'fileEmpty' });
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  for (let start = 0; start < blob.size; start += chunkBytes) {
    throwIfCancelled(signal);
    const bytes = new Uint8Array(await blob.slice(start, start + chunkBytes).arrayBuffer());
    if (start === 0) rejectUtf16(bytes);
    let text: string;
    try {
      text = decoder.decode(bytes, { stream: start + chunkBytes < blob.size });
    } catch {
      const byte = start + firstBadByte(bytes);
      throw new DataError(
        `The file is not UTF-8 text (the first bad byte is near byte ${byte.toLocaleString('en-US')}). Save it as "CSV UTF-8" and upload it again.`,
        { code: 'notUtf8', values: { byte } },
      );
    }
    onText(text);
    onProgress?.({ phase: 'Reading', fraction: Math.min(1, (start + bytes.length) / blob.size) });
  }
}

function rejectUtf16(bytes: Uint8Array): void {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new DataError('The file is UTF-16 text. Save it as "CSV UTF-8" and upload it again.', {
      code: 'utf16',
    });
  }
}

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence. */
export function firstBadByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const len =
      b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0) return i;
    for (let k = 1; k < len; k++) {
      // A sequence cut by the end of the chunk is not an error here.
      if (i + k >= bytes.length) return bytes.length;
      if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    }
    i += len;
  }
  return bytes.length;
}
