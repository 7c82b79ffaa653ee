import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { HttpError } from '../errors.ts';
import { type ValidatedModel, WEIGHTS_FILE } from '../model/validate.ts';
import { MODEL_JSON } from '../store/types.ts';

const UPLOAD = 'upload.bin';

/** The two parts tf.io.http sends, read with byte counting (nothing unbounded is buffered). */
export interface Upload {
  modelJson: string;
  weightsBytes: number;
  weightsSha256: string;
}

function tooLarge(what: string, limit: number): HttpError {
  return new HttpError(413, `${what} is larger than the limit of ${limit} bytes`);
}

/** Reads a stream into memory, failing with 413 as soon as it exceeds `limit` bytes. */
async function readLimited(stream: Readable, limit: number, what: string): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    total += (chunk as Buffer).length;
    if (total > limit) {
      stream.destroy();
      throw tooLarge(what, limit);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Streams a part to a file while counting and hashing; 413 as soon as it exceeds `limit` bytes. */
async function spool(
  stream: Readable,
  file: string,
  limit: number,
): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      if (bytes > limit) return done(tooLarge('model.weights.bin', limit));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  await pipeline(stream, counter, createWriteStream(file));
  return { bytes, sha256: hash.digest('hex') };
}

/** Reads the multipart body: exactly one `model.json` and one `model.weights.bin` file part, nothing else. */
export async function readUpload(
  request: FastifyRequest,
  staging: string,
  limits: { json: number; weights: number },
): Promise<Upload> {
  let modelJson: string | null = null;
  let weights: { bytes: number; sha256: string } | null = null;
  for await (const part of request.parts()) {
    const field = part.fieldname;
    if (part.type !== 'file')
      throw new HttpError(400, `unexpected form field "${field}": send model.json and model.weights.bin`);
    if (field === 'model.json') {
      if (modelJson !== null) throw new HttpError(400, 'duplicate model.json part');
      modelJson = await readLimited(part.file, limits.json, 'model.json');
    } else if (field === 'model.weights.bin') {
      if (weights !== null) throw new HttpError(400, 'duplicate model.weights.bin part');
      weights = await spool(part.file, join(staging, UPLOAD), limits.weights);
    } else {
      throw new HttpError(400, `unexpected part "${field}": send model.json and model.weights.bin`);
    }
  }
  if (modelJson === null) throw new HttpError(400, 'missing the model.json part');
  if (weights === null) throw new HttpError(400, 'missing the model.weights.bin part');
  return { modelJson, weightsBytes: weights.bytes, weightsSha256: weights.sha256 };
}

/** Copies the kept byte ranges (dropping optimizer weights) into the stored weights file; returns its hash. */
async function copyRanges(source: string, target: string, ranges: Array<[number, number]>): Promise<string> {
  const hash = createHash('sha256');
  const out = createWriteStream(target);
  for (const [start, end] of ranges) {
    const hasher = new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        done(null, chunk);
      },
    });
    await pipeline(createReadStream(source, { start, end: end - 1 }), hasher, out, { end: false });
  }
  await new Promise<void>((resolve, reject) =>
    out.end((err?: Error | null) => (err ? reject(err) : resolve())),
  );
  return hash.digest('hex');
}

/** Writes the stored artifacts into the staging folder; returns their hashes, model.json text and weights. */
export async function writeArtifacts(staging: string, upload: Upload, model: ValidatedModel) {
  const source = join(staging, UPLOAD);
  const target = join(staging, WEIGHTS_FILE);
  let weightsSha = upload.weightsSha256;
  if (model.keptBytes === upload.weightsBytes) await rename(source, target);
  else weightsSha = await copyRanges(source, target, model.keepRanges);
  const json = JSON.stringify(model.modelJson);
  await writeFile(join(staging, MODEL_JSON), json);
  const jsonSha = createHash('sha256').update(json).digest('hex');
  const buffer = await readFile(target);
  const weights = buffer.buffer.slice(
    buffer.byteOffset,
    buffer.byteOffset + buffer.byteLength,
  ) as ArrayBuffer;
  return { json, weights, sha256: { [MODEL_JSON]: jsonSha, [WEIGHTS_FILE]: weightsSha } };
}
