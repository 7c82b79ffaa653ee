import { ImportError } from './errors';

/** One weight as a model.json manifest describes it (the same shape as tfjs' `WeightsManifestEntry`). */
export interface WeightSpec {
  name: string;
  shape: number[];
  dtype: string;
  quantization?: { dtype: string; scale?: number; min?: number };
}

/** Weights read from files: the specs in manifest order and all bytes concatenated in the same order. */
export interface ImportedWeights {
  weightSpecs: WeightSpec[];
  weightData: ArrayBuffer;
}

interface ManifestGroup {
  paths: string[];
  weights: WeightSpec[];
}

const BYTES: Record<string, number> = {
  float32: 4,
  int32: 4,
  bool: 1,
  uint8: 1,
  int8: 1,
  uint16: 2,
  int16: 2,
  float16: 2,
};

/** The file name a manifest path refers to (`./group1-shard1of1.bin` → `group1-shard1of1.bin`). */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function manifestOf(doc: unknown): ManifestGroup[] | null {
  const m = (doc as { weightsManifest?: unknown } | null)?.weightsManifest;
  if (m === undefined) return null;
  const ok =
    Array.isArray(m) &&
    m.every(
      (g) =>
        Array.isArray(g?.paths) &&
        Array.isArray(g?.weights) &&
        g.weights.every((w: WeightSpec) => Array.isArray(w?.shape)),
    );
  if (!ok)
    throw new ImportError("model.json's weightsManifest is malformed: each group needs paths and weights.");
  return m as ManifestGroup[];
}

/** Bytes one weight occupies in the files. */
function byteSize(w: WeightSpec): number {
  const dtype = w.quantization?.dtype ?? w.dtype;
  const per = BYTES[dtype];
  if (per === undefined)
    throw new ImportError(`Weight ${w.name} has dtype ${dtype}, which the studio cannot load.`);
  return w.shape.reduce((a, b) => a * b, 1) * per;
}

/** The weight files model.json needs, by file name; empty when it lists none. */
export function requiredWeightFiles(doc: unknown): string[] {
  return (manifestOf(doc) ?? []).flatMap((g) => g.paths.map(baseName));
}

/**
 * Reads the weights that model.json's manifest describes from the chosen files (matched by file name).
 * Returns null when model.json lists no weights; throws ImportError for a missing file or a size mismatch.
 */
export function readWeightFiles(
  doc: unknown,
  files: ReadonlyMap<string, ArrayBuffer>,
): ImportedWeights | null {
  const groups = manifestOf(doc);
  if (!groups || groups.length === 0) return null;
  const specs: WeightSpec[] = [];
  const parts: Uint8Array[] = [];
  for (const group of groups) {
    const buffers = group.paths.map((p) => {
      const buf = files.get(baseName(p));
      if (!buf)
        throw new ImportError(`Weight file ${baseName(p)} is missing: choose it together with model.json.`);
      return new Uint8Array(buf);
    });
    const have = buffers.reduce((n, b) => n + b.byteLength, 0);
    const need = group.weights.reduce((n, w) => n + byteSize(w), 0);
    if (have !== need)
      throw new ImportError(
        `The weights do not match model.json: ${group.paths.map(baseName).join(', ')} hold ${have} bytes, but the manifest describes ${need} bytes (${group.weights.length} weights). Choose the .bin files saved with this model.json.`,
      );
    specs.push(...group.weights);
    parts.push(...buffers);
  }
  return { weightSpecs: specs, weightData: concat(parts) };
}

function concat(parts: Uint8Array[]): ArrayBuffer {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out.buffer;
}

/** Renames weights whose layer got a new name on import (`bad/name/kernel` → `bad_name/kernel`). */
export function renameWeights(
  weights: ImportedWeights,
  renamed: ReadonlyMap<string, string>,
): ImportedWeights {
  if (renamed.size === 0) return weights;
  const weightSpecs = weights.weightSpecs.map((w) => {
    for (const [from, to] of renamed)
      if (w.name.startsWith(`${from}/`)) return { ...w, name: to + w.name.slice(from.length) };
    return w;
  });
  return { ...weights, weightSpecs };
}
