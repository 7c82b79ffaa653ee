import * as tf from '@tensorflow/tfjs';
import type { Graph } from '../../graph';
import type { BackendMeasurement, BackendName, TrainingConfig } from '../types';
import { describeDataFailure, ModelDataError, sharedFailure } from './failure';
import type { TrainingData } from './feed';
import { registerWebGpuTrainingKernels } from './kernels/webgpu';
import { buildModel } from './model';
import { ObjectiveError } from './objectives';
import { TargetMismatchError } from './outputs';
import { trainerFor } from './trainer';
import { wasmThreading } from './wasm-threads';

/** Candidates in order of preference when measurements tie. */
export const BACKENDS: BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

const MEASURE_MS = 800;
const MAX_STEPS = 6;

/** The active backend's threads (WASM's pool) and why it has one only, for the UI; empty for the others. */
export function threadsOf(name: BackendName): Pick<BackendMeasurement, 'threads' | 'threadsNote'> {
  if (name !== 'wasm') return {};
  const { threads, reason } = wasmThreading();
  return threads === null ? {} : { threads, ...(reason ? { threadsNote: reason } : {}) };
}

/** Switches tfjs to a backend; the reason it is unusable, or null. */
export async function switchTo(name: BackendName): Promise<string | null> {
  try {
    if (!tf.findBackendFactory(name)) return `the ${name} backend is not available in this build`;
    // The studio's filter gradients and fused optimiser updates replace tfjs-backend-webgpu's slow ones.
    if (name === 'webgpu') registerWebGpuTrainingKernels();
    const ok = await tf.setBackend(name);
    if (!ok)
      return name === 'webgpu' ? 'this browser offers no WebGPU adapter' : `${name} could not start here`;
    await tf.ready();
    return null;
  } catch (e) {
    return `${name} could not start: ${e instanceof Error ? e.message : String(e)}`;
  }
}

function firstLine(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  const kernel = m.match(/Kernel '(\w+)' not registered/);
  return kernel ? `it lacks the ${kernel[1]} kernel this model needs` : m.split('\n')[0].slice(0, 200);
}

/** Times a few real training steps of the model on the current backend (samples per second). */
async function timeSteps(graph: Graph, data: TrainingData, config: TrainingConfig): Promise<number> {
  const model = buildModel(graph, config.seed);
  const trainer = trainerFor(graph, model, data, config);
  const batch = trainer.firstBatch(config.batchSize);
  let n = batch?.n ?? config.batchSize;
  const once = async () => {
    const t0 = performance.now();
    const out = await trainer.step(batch);
    n = out.samples;
    await out.packed.data();
    out.packed.dispose();
    return performance.now() - t0;
  };
  try {
    // Two warm-up steps (shader compilation, XNNPACK set-up), then the fastest of a few timed ones: other
    // work on the machine only ever slows a step down, so the minimum is the steadiest estimate.
    await once();
    await once();
    const times: number[] = [];
    const start = performance.now();
    while (times.length < MAX_STEPS && (times.length < 2 || performance.now() - start < MEASURE_MS)) {
      times.push(await once());
    }
    return (n * 1000) / Math.min(...times);
  } finally {
    if (batch) tf.dispose([batch.x, batch.y]);
    trainer.dispose();
    model.dispose();
  }
}

/** Measures each candidate backend on the actual model; unusable ones carry the reason. */
export async function measureBackends(
  graph: Graph,
  data: TrainingData,
  config: TrainingConfig,
  candidates: BackendName[] = BACKENDS,
  onMeasured?: (m: BackendMeasurement) => void,
): Promise<BackendMeasurement[]> {
  const results: BackendMeasurement[] = [];
  for (const backend of candidates) {
    const problem = await switchTo(backend);
    let m: BackendMeasurement;
    if (problem) m = { backend, samplesPerSecond: null, error: problem };
    else {
      try {
        m = { backend, samplesPerSecond: await timeSteps(graph, data, config), ...threadsOf(backend) };
      } catch (e) {
        // A target that does not fit the outputs is the same on every backend: say so once, before training.
        if (e instanceof TargetMismatchError || e instanceof ObjectiveError) throw e;
        m = { backend, samplesPerSecond: null, error: firstLine(e) };
      }
    }
    results.push(m);
    onMeasured?.(m);
  }
  const shared = sharedFailure(results);
  if (shared) throw new ModelDataError(describeDataFailure(shared));
  return results;
}

/** The fastest usable backend of a measurement (ties go to the earlier candidate). */
export function fastest(measurements: BackendMeasurement[]): BackendName | null {
  let best: BackendMeasurement | null = null;
  for (const m of measurements) {
    if (m.samplesPerSecond !== null && (!best || m.samplesPerSecond > (best.samplesPerSecond ?? 0))) best = m;
  }
  return best?.backend ?? null;
}
