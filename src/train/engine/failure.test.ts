import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { chain } from '../../graph';
import { nodeBackends } from '../testing/backends';
import { runSession, startMessage } from '../testing/session';
import type { TrainingConfig } from '../types';
import { measureBackends } from './backends';
import { ModelDataError, sharedFailure } from './failure';
import type { TrainingData } from './feed';

let available: string[] = [];
beforeAll(async () => {
  available = await nodeBackends();
});

const CONFIG: TrainingConfig = {
  optimizer: 'adam',
  learningRate: 0.001,
  schedule: 'constant',
  loss: 'auto',
  batchSize: 8,
  epochs: 1,
  seed: 1,
  backend: 'auto',
};

/** Token ids up to 49 for an Embedding that only has rows 0–19: the spam + old LSTM template mistake. */
function tokens(): TrainingData {
  const split = (count: number) => ({
    x: Int32Array.from({ length: count * 6 }, (_, i) => (i * 7) % 50),
    y: Int32Array.from({ length: count }, (_, i) => i % 2),
    count,
  });
  return {
    inputShape: [6],
    inputDtype: 'int32',
    labelKind: 'classes',
    targetShape: [1],
    numClasses: 2,
    augment: null,
    train: split(16),
    val: split(4),
    test: split(4),
  };
}

const textModel = () =>
  chain([
    ['Input', { shape: [6], dtype: 'int32' }],
    ['Embedding', { inputDim: 20, outputDim: 4 }],
    ['GlobalAveragePooling1D'],
    ['Dense', { units: 2, activation: 'softmax' }],
  ]).graph;

describe('a failure the data causes', () => {
  it('is reported as a data error with its fix, not as every backend being unusable', async () => {
    const err = await measureBackends(textModel(), tokens(), CONFIG, ['wasm', 'cpu']).catch((e) => e);
    expect(err).toBeInstanceOf(ModelDataError);
    expect(err.message).toMatch(
      /^Data error: the dataset holds id \d+, but a lookup layer \(Embedding\) only has rows 0 to 19\. Raise its inputDim/,
    );
    await tf.setBackend('cpu');
  });

  it('never lets a backend win because it did not notice: the CPU verdict stands', () => {
    const measured = [
      { backend: 'webgl' as const, samplesPerSecond: 22 },
      {
        backend: 'wasm' as const,
        samplesPerSecond: null,
        error: 'GatherV2: the index value 3490 is not in [0, 1999]',
      },
      {
        backend: 'cpu' as const,
        samplesPerSecond: null,
        error: 'GatherV2: the index value 3490 is not in [0, 1999]',
      },
    ];
    expect(sharedFailure(measured)).toMatch(/3490/);
    expect(sharedFailure(measured.slice(0, 2))).toBeNull();
    const kernels = [
      {
        backend: 'wasm' as const,
        samplesPerSecond: null,
        error: 'it lacks the Conv2DBackpropFilter kernel this model needs',
      },
      { backend: 'cpu' as const, samplesPerSecond: 75 },
    ];
    expect(sharedFailure(kernels)).toBeNull();
  });

  it('stops a run before any backend is measured, naming the Embedding and the vocabulary', async () => {
    const { messages } = await runSession(
      startMessage(textModel(), tokens(), {
        ...CONFIG,
        backend: available.includes('wasm') ? 'wasm' : 'cpu',
      }),
    );
    const error = messages.find((m) => m.type === 'error');
    expect(error?.type === 'error' && error.message).toBe(
      'Data error: The Embedding "embedding" has inputDim 20, but the dataset\'s ids run up to 49 (a vocabulary of 50): ids from 20 on have no row to look up. Fix: Set inputDim to 50 (Train tab, dataset–model check).',
    );
    expect(messages.some((m) => m.type === 'measured' || m.type === 'backend')).toBe(false);
  });
});
