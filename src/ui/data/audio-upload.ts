import { unzipSync, zipSync } from 'fflate';
import type { DatasetConfig } from '../../data';
import { DEFAULT_SPLIT, defaultAudioOptions, encodeWav16, isWav, saveUploadedFile } from '../../data';
import { uploadKey } from './idb-files';
import type { Candidate } from './uploads';

/** Rate at which the browser decodes compressed files before they are stored as WAV. */
const DECODE_RATE = 16000;
const COMPRESSED = /\.(mp3|ogg|oga|opus|flac|m4a|aac|webm)$/i;

/** The browser's decoder (main thread only: workers have no audio context); null where there is none. */
function decoderContext(): OfflineAudioContext | null {
  return typeof OfflineAudioContext === 'undefined' ? null : new OfflineAudioContext(1, 1, DECODE_RATE);
}

/** One compressed file as 16-bit WAV at its decoded rate, or null when this browser cannot decode its codec. */
async function toWav(ctx: OfflineAudioContext, bytes: ArrayBuffer): Promise<Uint8Array | null> {
  try {
    const buffer = await ctx.decodeAudioData(bytes);
    const channels = Array.from({ length: buffer.numberOfChannels }, (_, c) => buffer.getChannelData(c));
    return encodeWav16(channels, buffer.sampleRate);
  } catch {
    return null;
  }
}

/**
 * Decodes MP3 / OGG / FLAC (whatever this browser's audio decoder reads) to 16-bit WAV, so the data worker, which
 * has no audio decoder, reads every file the same way. WAV files and other files pass through unchanged; a file
 * the browser cannot decode passes through too, and the worker names it, with its codec, as skipped.
 */
export async function compressedToWav(
  files: { path: string; file: File }[],
): Promise<{ path: string; file: File }[]> {
  const ctx = files.some((f) => COMPRESSED.test(f.path)) ? decoderContext() : null;
  if (!ctx) return files;
  return Promise.all(
    files.map(async (f) => {
      const wav = COMPRESSED.test(f.path) ? await toWav(ctx, await f.file.arrayBuffer()) : null;
      if (!wav) return f;
      const path = f.path.replace(COMPRESSED, '.wav');
      const file = new File([wav as BlobPart], path.split('/').pop() ?? path, { type: 'audio/wav' });
      return { path, file };
    }),
  );
}

/**
 * The same for the entries of a zip: a new zip (stored, not recompressed) with every compressed recording the
 * browser can decode replaced by WAV, or the original blob when it holds none (or is no zip: the worker says so).
 */
export async function zipCompressedToWav(blob: Blob): Promise<Blob> {
  let entries: Record<string, Uint8Array>;
  try {
    const names: string[] = [];
    unzipSync(new Uint8Array(await blob.arrayBuffer()), {
      filter: (f) => {
        if (COMPRESSED.test(f.name)) names.push(f.name);
        return false;
      },
    });
    if (!names.length) return blob;
    entries = unzipSync(new Uint8Array(await blob.arrayBuffer()));
  } catch {
    return blob;
  }
  const ctx = decoderContext();
  if (!ctx) return blob;
  const out: Record<string, [Uint8Array, { level: 0 }]> = {};
  for (const [name, bytes] of Object.entries(entries)) {
    const wav = COMPRESSED.test(name) ? await toWav(ctx, bytes.slice().buffer as ArrayBuffer) : null;
    out[wav ? name.replace(COMPRESSED, '.wav') : name] = [wav ?? bytes, { level: 0 }];
  }
  return new Blob([zipSync(out) as BlobPart], { type: 'application/zip' });
}

/** A sample rate that fits the archive: the first WAV's own rate up to 16 kHz (speech needs no more), else 16 kHz. */
function suggestRate(zip: Uint8Array): number {
  let picked = 0;
  try {
    const files = unzipSync(zip, {
      filter: (f) =>
        picked === 0 && /\.wav$/i.test(f.name) && !/(^|\/)(__MACOSX|\.)/.test(f.name) && ++picked > 0,
    });
    const first = Object.values(files)[0];
    if (first && isWav(first) && first.length >= 28) {
      const rate = new DataView(first.buffer, first.byteOffset).getUint32(24, true);
      if (rate >= 4000) return Math.min(rate, DECODE_RATE);
    }
  } catch {
    // Not a zip: the worker's load says so in a sentence.
  }
  return DECODE_RATE;
}

/** Stores an audio archive and returns a candidate with features suited to its recordings. */
export async function candidateFromAudio(
  blob: Blob,
  name: string,
  projectId: string | null,
): Promise<Candidate> {
  const key = uploadKey(projectId, name);
  const zip = await zipCompressedToWav(blob);
  const audio = defaultAudioOptions(suggestRate(new Uint8Array(await zip.arrayBuffer())));
  await saveUploadedFile(key, name, zip);
  const config: DatasetConfig = {
    version: 1,
    source: { kind: 'audio', fileKey: key, fileName: name, audio },
    split: DEFAULT_SPLIT,
    augment: null,
    fitted: {},
  };
  return { config };
}
