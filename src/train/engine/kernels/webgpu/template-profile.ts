// One training step of each template of the catalog, on its recommended built-in dataset (a small slice), as the
// studio would run it: what `npm run bench:gpu -- --templates` profiles on webgpu and what the kernel tests
// drive. Node only (reads the packed data files).
import * as tf from '@tensorflow/tfjs';
import type { BuiltinId, LoadedDataset } from '../../../../data/types';
import { TEMPLATES, type Template } from '../../../../graph/templates';
import { loadBuiltinDataset, trainingData } from '../../../testing/template-run';
import type { TrainingConfig } from '../../../types';
import { buildModel } from '../../model';
import { trainerFor } from '../../trainer';
import { type StepProfile, profileStep } from './step-profile';

/** Templates a dataset step can drive (the game-playing agents step an environment instead). */
export const PROFILED_TEMPLATES: readonly Template[] = TEMPLATES.filter((t) => t.recommended);

/** Samples to load where a set can be made smaller (MNIST: its smallest subset, 1,000). */
const SAMPLES: Partial<Record<string, number>> = { spirals: 1000, ratings: 2000, boxes: 300, mnist: 1000 };

const datasets = new Map<string, Promise<LoadedDataset>>();

/** The template's recommended dataset, loaded once per process (image sets: their smallest subset). */
function datasetOf(id: BuiltinId): Promise<LoadedDataset> {
  let ds = datasets.get(id);
  if (!ds) {
    ds = loadBuiltinDataset(id, SAMPLES[id] ?? 0);
    datasets.set(id, ds);
  }
  return ds;
}

/** A trainer for `template` at `batch` samples per step and a step that reads its numbers back. */
export async function templateStep(template: Template, batch: number, seed = 1) {
  const rec = template.recommended!;
  const data = trainingData(await datasetOf(rec.dataset as BuiltinId));
  const { epochs: _e, batchSize: _b, schedule: _s, ...settings } = rec.settings;
  const config: TrainingConfig = {
    optimizer: 'adam',
    learningRate: 0.001,
    schedule: 'constant',
    loss: 'auto',
    batchSize: batch,
    epochs: 1,
    seed,
    backend: 'webgpu',
    ...settings,
  };
  const graph = template.build();
  const model = buildModel(graph, seed);
  const trainer = trainerFor(graph, model, data, config);
  const b = trainer.firstBatch(batch)!;
  const step = async (): Promise<number[]> => {
    const r = await trainer.step(b);
    const numbers = Array.from(await r.packed.data());
    r.packed.dispose();
    return numbers;
  };
  const dispose = () => {
    tf.dispose([b.x, b.y]);
    trainer.dispose();
    model.dispose();
  };
  return { trainer, model, step, dispose };
}

/** What one template's step costs on the current (webgpu) backend. */
export interface TemplateProfile {
  profile: StepProfile;
  /** tf.memory().numTensors after each of the warm-up steps and after the profiled ones. */
  tensors: number[];
}

/** Profiles one step of `template` after `warmUp` steps (shader compilation, optimiser slots). */
export async function profileTemplate(
  template: Template,
  batch: number,
  warmUp = 2,
): Promise<TemplateProfile> {
  const t = await templateStep(template, batch);
  try {
    const tensors: number[] = [];
    for (let i = 0; i < warmUp; i++) {
      await t.step();
      tensors.push(tf.memory().numTensors);
    }
    const profile = await profileStep(async () => void (await t.step()));
    tensors.push(tf.memory().numTensors);
    return { profile, tensors };
  } finally {
    t.dispose();
  }
}

/** The `n` kernel types with the most GPU time (then the most invocations). */
export function topKernels(p: StepProfile, n = 8) {
  return Object.fromEntries(
    Object.entries(p.byKernel)
      .sort((a, b) => b[1].gpuMs - a[1].gpuMs || b[1].count - a[1].count)
      .slice(0, n),
  );
}
