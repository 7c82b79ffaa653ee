import { unzipSync } from 'fflate';
import type { DatasetConfig } from '../../data';
import { DEFAULT_SPLIT, defaultAudioOptions, encodeWav16, isWav, saveUploadedFile } from '../../data';
import { uploadKey } from './idb-files';
import type { Candidate } from './uploads';

/** Rate at which the browser decodes compressed files before they are stored as WAV. */
const DECODE_RATE = 16000;
const COMPRESSED = /\.(mp3|ogg|oga|opus|flac|m4a|aac|webm)$/i;

/**
 * Decodes MP3 / OGG / FLAC (whatever this browser's audio decoder reads) to 16-bit WAV, so the data worker, which
 * has no audio decoder, reads every file the same way. WAV files and other files pass through unchanged; a file
 * the browser cannot decode passes through too, and the worker names it as skipped.
 */
export async function compressedToWav(
  files: { path: string; file: File }[],
): Promise<{ path: string; file: File }[]> {
  if (!files.some((f) => COMPRESSED.test(f.path)) || typeof OfflineAudioContext === 'undefined') return files;
  const ctx = new OfflineAudioContext(1, 1, DECODE_RATE);
  return Promise.all(
    files.map(async (f) => {
      if (!COMPRESSED.test(f.path)) return f;
      try {
        const buffer = await ctx.decodeAudioData(await f.file.arrayBuffer());
        const channels = Array.from({ length: buffer.numberOfChannels }, (_, c) => buffer.getChannelData(c));
        const wav = encodeWav16(channels, buffer.sampleRate);
        const path = f.path.replace(COMPRESSED, '.wav');
        return {
          path,
          file: new File([wav as BlobPart], path.split('/').pop() ?? path, { type: 'audio/wav' }),
        };
      } catch {
        return f;
      }
    }),
  );
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
  const audio = defaultAudioOptions(suggestRate(new Uint8Array(await blob.arrayBuffer())));
  await saveUploadedFile(key, name, blob);
  const config: DatasetConfig = {
    version: 1,
    source: { kind: 'audio', fileKey: key, fileName: name, audio },
    split: DEFAULT_SPLIT,
    augment: null,
    fitted: {},
  };
  return { config };
}
