import * as tf from '@tensorflow/tfjs';
import type { Graph } from '../../graph';
import type { BackendMeasurement, BackendName, TrainingConfig } from '../types';
import type { TrainingData } from './feed';
import { buildModel } from './model';
import { TargetMismatchError } from './outputs';
import { Trainer } from './trainer';

/** Candidates in order of preference when measurements tie. */
export const BACKENDS: BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

const MEASURE_MS = 800;
const MAX_STEPS = 6;

/** Switches tfjs to a backend; the reason it is unusable, or null. */
export async function switchTo(name: BackendName): Promise<string | null> {
  try {
    if (!tf.findBackendFactory(name)) return `the ${name} backend is not available in this build`;
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
  let trainer: Trainer;
  try {
    trainer = new Trainer(model, data, config);
  } catch (e) {
    model.dispose();
    throw e;
  }
  const n = Math.min(config.batchSize, data.train.count);
  const { x, y } = trainer.feed.batch(data.train, null, 0, n);
  const once = async () => {
    const t0 = performance.now();
    const out = trainer.step(x, y);
    await out.loss.data();
    tf.dispose([out.loss, out.metric, ...out.outputs]);
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
    tf.dispose([x, y]);
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
        m = { backend, samplesPerSecond: await timeSteps(graph, data, config) };
      } catch (e) {
        // A target that does not fit the outputs is the same on every backend: say so once, before training.
        if (e instanceof TargetMismatchError) throw e;
        m = { backend, samplesPerSecond: null, error: firstLine(e) };
      }
    }
    results.push(m);
    onMeasured?.(m);
  }
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
