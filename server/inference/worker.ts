/**
 * An inference worker thread: its own tfjs on the WASM backend (the CPU backend only for models that need a
 * kernel WASM lacks) and a small LRU cache of loaded versions. Piscina runs one task at a time per thread.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { registerCustomLayers } from '../../src/compile/custom-layers.ts';
import type { Datatype, TensorInfo } from '../registry/types.ts';
import { workerData } from 'node:worker_threads';
import { openStore } from '../store/fs-store.ts';
import { MODEL_JSON, type StoreDescriptor } from '../store/types.ts';
import type {
  CheckResult,
  CheckTask,
  PredictResult,
  PredictTask,
  WireTensor,
  WorkerTask,
} from './protocol.ts';

// The studio's own vetted classes for Keras layers TF.js lacks (`Subtract`, `Sampling`): the same static code the
// studio compiles with. They join tfjs' class map, the allow-list `unknownClass` checks; no code from a model.
registerCustomLayers(tf);

const CACHE_SIZE = 16;
const WEIGHTS_FILE = 'group1-shard1of1.bin';
const cache = new Map<string, tf.LayersModel>();
let ready: Promise<void> | null = null;

/** Starts the WASM backend once; the .wasm files are read from node_modules, never fetched. */
function init(): Promise<void> {
  ready ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasmDir = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
    setWasmPaths(`${join(wasmDir)}/`);
    const ok = await tf.setBackend('wasm').catch(() => false);
    if (!ok) await tf.setBackend('cpu');
    await tf.ready();
    // An S3 store: load its SDK now (about a second) rather than inside the first request's deadline.
    const store = (workerData as { store?: StoreDescriptor } | null)?.store;
    if (store?.kind === 's3') await openStore(store);
  })();
  return ready;
}

const DATATYPE: Record<string, Datatype> = { float32: 'FP32', int32: 'INT32', bool: 'BOOL' };
const DTYPE: Record<Datatype, 'float32' | 'int32' | 'bool'> = {
  FP32: 'float32',
  INT32: 'int32',
  BOOL: 'bool',
};

function tensorInfo(names: string[], tensors: tf.SymbolicTensor[]): TensorInfo[] {
  return tensors.map((t, i) => ({
    name: names[i],
    datatype: DATATYPE[t.dtype] ?? 'FP32',
    shape: t.shape.map((d) => (d === null ? -1 : d)),
  }));
}

/**
 * Every class_name in the topology must be one tfjs registered itself or one of the studio's vetted classes
 * (CUSTOM_LAYER_CLASSES, registered above): nothing else is ever instantiated.
 */
function unknownClass(topology: unknown): string | null {
  const known = tf.serialization.SerializationMap.getMap().classNameMap;
  const stack: unknown[] = [topology];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) stack.push(...node);
    else if (typeof node === 'object' && node !== null) {
      const cls = (node as Record<string, unknown>).class_name;
      if (typeof cls === 'string' && !(cls in known)) return cls;
      stack.push(...Object.values(node));
    }
  }
  return null;
}

async function loadFromMemory(modelJson: string, weights: ArrayBuffer): Promise<tf.LayersModel> {
  const parsed = JSON.parse(modelJson);
  const specs = parsed.weightsManifest.flatMap((g: { weights: tf.io.WeightsManifestEntry[] }) => g.weights);
  const handler = tf.io.fromMemory({
    modelTopology: parsed.modelTopology,
    weightSpecs: specs,
    weightData: weights,
    format: parsed.format,
  });
  return tf.loadLayersModel(handler, { strict: true });
}

/** A prediction on zeros (variable dimensions set to 1) proves every kernel the model needs exists. */
function warmUp(model: tf.LayersModel): void {
  tf.tidy(() => {
    const xs = model.inputs.map((t) =>
      tf.zeros(
        t.shape.map((d) => d ?? 1),
        t.dtype,
      ),
    );
    const out = model.predict(xs.length === 1 ? xs[0] : xs);
    for (const t of Array.isArray(out) ? out : [out]) t.dataSync();
  });
}

async function check(task: CheckTask): Promise<CheckResult> {
  const cls = unknownClass(JSON.parse(task.modelJson).modelTopology);
  if (cls !== null)
    return {
      type: 'invalid',
      error: `unknown class "${cls}": only TF.js layers (and the studio's Subtract and Sampling) are accepted`,
    };
  let model: tf.LayersModel;
  try {
    model = await loadFromMemory(task.modelJson, task.weights);
  } catch (err) {
    return { type: 'invalid', error: `model does not load: ${message(err)}` };
  }
  const initial = tf.getBackend();
  try {
    let backend = initial;
    try {
      warmUp(model);
    } catch (err) {
      if (!/not registered|not\s+implemented/i.test(message(err))) throw err;
      backend = 'cpu';
      await tf.setBackend('cpu');
      warmUp(model);
    }
    return {
      type: 'checked',
      inputs: tensorInfo(model.inputNames, model.inputs),
      outputs: tensorInfo(model.outputNames, model.outputs),
      backend,
    };
  } catch (err) {
    return { type: 'failed', error: `warm-up prediction failed: ${message(err)}` };
  } finally {
    model.dispose();
    if (tf.getBackend() !== initial) await tf.setBackend(initial);
  }
}

async function cachedModel(task: PredictTask): Promise<tf.LayersModel> {
  const key = `${task.name}@${task.version}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const store = await openStore(task.store);
  const [json, weights] = await Promise.all([
    store.read(task.name, task.version, MODEL_JSON),
    store.read(task.name, task.version, WEIGHTS_FILE),
  ]);
  const buffer = weights.buffer.slice(
    weights.byteOffset,
    weights.byteOffset + weights.byteLength,
  ) as ArrayBuffer;
  const model = await loadFromMemory(json.toString('utf8'), buffer);
  cache.set(key, model);
  if (cache.size > CACHE_SIZE) {
    const [oldest, evicted] = cache.entries().next().value as [string, tf.LayersModel];
    cache.delete(oldest);
    evicted.dispose();
  }
  return model;
}

async function predict(task: PredictTask): Promise<PredictResult> {
  const model = await cachedModel(task);
  if (tf.getBackend() !== task.backend) await tf.setBackend(task.backend);
  const outputs = tf.tidy(() => {
    const xs = task.inputs.map((t) => tf.tensor(t.data, t.shape, DTYPE[t.datatype]));
    const out = model.predict(xs.length === 1 ? xs[0] : xs);
    return Array.isArray(out) ? out : [out];
  });
  try {
    const wire: WireTensor[] = outputs.map((t) => ({
      datatype: DATATYPE[t.dtype] ?? 'FP32',
      shape: t.shape,
      data: t.dataSync() as Float32Array | Int32Array | Uint8Array,
    }));
    return { type: 'predicted', outputs: wire, threadId, cachedModels: cache.size };
  } finally {
    for (const t of outputs) t.dispose();
  }
}

function message(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).slice(0, 300);
}

/** Piscina's entry point: one task in, one result out. */
export default async function run(task: WorkerTask): Promise<CheckResult | PredictResult | { type: 'pong' }> {
  await init();
  if (task.type === 'ping') return { type: 'pong' };
  return task.type === 'check' ? check(task) : predict(task);
}
