// Packs the Free Spoken Digit Dataset (github.com/Jakobovski/free-spoken-digit-dataset, CC BY-SA 4.0) into
// data/fsdd/digits-audio.bin, the built-in "Spoken digits" set. Run once by a maintainer on a checkout of the
// dataset's recordings folder; the packed file is committed, so building the studio needs nothing from outside.
//
//   npx tsx scripts/pack-fsdd.ts <recordings-dir> [out-file]
//
// Layout (little-endian): "MSAD", u16 version (1), u32 sample rate, u16 count, u8 speakers,
// speakers × (u8 length, ASCII name), count × (u8 digit, u8 speaker, u8 take, u16 samples), then each
// recording's IMA ADPCM nibbles (ceil(samples / 2) bytes, see src/data/audio/adpcm.ts) one after another.
// Recordings longer than 1 s keep their loudest second (a handful of the 3,000).

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { encodeAdpcm } from '../src/data/audio/adpcm';
import { fitLength } from '../src/data/audio/resample';
import { parseWav } from '../src/data/audio/wav';

const RATE = 8000;
const [dir, outArg] = process.argv.slice(2);
if (!dir) throw new Error('usage: npx tsx scripts/pack-fsdd.ts <recordings-dir> [out-file]');
const out = resolve(outArg ?? 'data/fsdd/digits-audio.bin');

const files = readdirSync(dir)
  .filter((f) => /^\d_[a-z]+_\d+\.wav$/.test(f))
  .map((f) => {
    const [digit, speaker, take] = f.replace('.wav', '').split('_');
    return { f, digit: Number(digit), speaker, take: Number(take) };
  })
  .sort((a, b) => a.speaker.localeCompare(b.speaker) || a.digit - b.digit || a.take - b.take);
const speakers = [...new Set(files.map((r) => r.speaker))].sort();

const records: Buffer[] = [];
const audio: Uint8Array[] = [];
for (const r of files) {
  const wav = parseWav(new Uint8Array(readFileSync(join(dir, r.f))));
  if (wav.sampleRate !== RATE || wav.channels.length !== 1) throw new Error(`${r.f}: expected 8 kHz mono`);
  const clip = fitLength(wav.channels[0], Math.min(RATE, wav.channels[0].length));
  const pcm = Int16Array.from(clip, (s) => Math.max(-32768, Math.min(32767, Math.round(s * 32768))));
  const rec = Buffer.alloc(5);
  rec.writeUInt8(r.digit, 0);
  rec.writeUInt8(speakers.indexOf(r.speaker), 1);
  rec.writeUInt8(r.take, 2);
  rec.writeUInt16LE(pcm.length, 3);
  records.push(rec);
  audio.push(encodeAdpcm(pcm));
}

const head = Buffer.alloc(13);
head.write('MSAD', 0, 'ascii');
head.writeUInt16LE(1, 4);
head.writeUInt32LE(RATE, 6);
head.writeUInt16LE(files.length, 10);
head.writeUInt8(speakers.length, 12);
const names = speakers.map((s) => Buffer.concat([Buffer.from([s.length]), Buffer.from(s, 'ascii')]));
const bytes = Buffer.concat([head, ...names, ...records, ...audio]);
writeFileSync(out, bytes);
console.log(
  `pack-fsdd: ${files.length} recordings, ${speakers.length} speakers → ${out} (${bytes.length} bytes)`,
);
