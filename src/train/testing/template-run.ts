import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { buildDataset, type DataIO } from '../../data/load';
import { DEFAULT_SPLIT } from '../../data/split';
import { suggestSettings } from '../../data/suggest';
import type { BuiltinId, DatasetConfig, LoadedDataset } from '../../data/types';
import { TEMPLATES } from '../../graph/templates';
import type { TrainingData } from '../engine/feed';
import { predictSplit } from '../engine/evaluate';
import type { TrainingConfig } from '../types';
import { nodeBackends } from './backends';
import { runSession, startMessage } from './session';

const DATA_DIR = resolve('public/data');

/** Reads the packed built-in files, packing them first when this checkout has not built them (or an older format). */
export function builtinIO(): DataIO {
  execFileSync('node', ['scripts/prepare-data.mjs']);
  return {
    asset: async (name) => new Uint8Array(readFileSync(join(DATA_DIR, name))),
    file: async () => {
      throw new Error('no uploaded files in this test');
    },
  };
}

/** A built-in dataset loaded in this process with the default split (`samples` 0 = the dataset's own size). */
export function loadBuiltinDataset(id: BuiltinId, samples = 0): Promise<LoadedDataset> {
  const config: DatasetConfig = {
    version: 1,
    source: { kind: 'builtin', id, seed: 1, samples },
    split: DEFAULT_SPLIT,
    augment: null,
    fitted: {},
  };
  return buildDataset(config, builtinIO());
}

/** The loaded dataset as the training worker receives it. */
export function trainingData(ds: LoadedDataset): TrainingData {
  const split = (k: 'train' | 'val' | 'test') => ({ x: ds.x[k], y: ds.y[k], count: ds.counts[k] });
  const { inputShape, inputDtype, labelKind, targetShape, numClasses, classNames } = ds;
  return {
    inputShape,
    inputDtype,
    labelKind,
    targetShape,
    numClasses,
    classNames,
    augment: null,
    train: split('train'),
    val: split('val'),
    test: split('test'),
  };
}

/** What a template reached with its recommended dataset and the settings a person gets by default. */
export interface TemplateResult {
  template: string;
  dataset: string;
  epochs: number;
  batchSize: number;
  learningRate: number;
  trainSamples: number;
  testAccuracy: number;
  trainSeconds: number;
  samplesPerSecond: number;
  backend: string;
}

/**
 * Trains a template on its recommended built-in dataset in this Node process, with exactly the settings the
 * studio applies when the template is opened with that dataset (the suggestion for the rest), and returns the
 * test-split accuracy. `override` narrows a run for a quick check (e.g. fewer epochs).
 */
export async function trainTemplate(
  id: string,
  override: Partial<TrainingConfig> = {},
): Promise<TemplateResult> {
  const template = TEMPLATES.find((t) => t.id === id);
  if (!template?.recommended) throw new Error(`template ${id} names no dataset`);
  const backends = await nodeBackends();
  const backend = backends.includes('wasm') ? 'wasm' : 'cpu';
  const datasetId = template.recommended.dataset as BuiltinId;
  const ds = await loadBuiltinDataset(datasetId, datasetId === 'spirals' ? 1000 : 0);
  const training: TrainingConfig = {
    optimizer: 'adam',
    learningRate: 0.001,
    schedule: 'constant',
    loss: 'auto',
    seed: 1,
    ...suggestSettings(ds.counts.train),
    ...template.recommended.settings,
    backend,
    ...override,
  };
  const data = trainingData(ds);
  const msg = { ...startMessage(template.build(), data, training), checkpoints: false };
  const { s, messages } = await runSession(msg);
  const failure = messages.find((m) => m.type === 'error');
  if (failure) throw new Error(failure.message);
  const probs = await predictSplit(s.model!, s.trainer!.feed!, data.test);
  const k = ds.numClasses ?? 2;
  let right = 0;
  for (let i = 0; i < data.test.count; i++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (probs[i * k + c] > probs[i * k + best]) best = c;
    if (best === data.test.y[i]) right++;
  }
  const timings = s.trainer!.state;
  const seconds = timings.elapsedMs / 1000;
  s.disposeModel();
  await tf.setBackend('cpu');
  return {
    template: template.title,
    dataset: ds.name,
    epochs: training.epochs,
    batchSize: training.batchSize,
    learningRate: training.learningRate,
    trainSamples: data.train.count,
    testAccuracy: right / data.test.count,
    trainSeconds: Math.round(seconds * 10) / 10,
    samplesPerSecond: Math.round((training.epochs * data.train.count) / Math.max(seconds, 1e-3)),
    backend,
  };
}
