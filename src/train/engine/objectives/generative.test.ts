import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chain, type Graph, setRole, TEMPLATES } from '../../../graph';
import { nodeBackends } from '../../testing/backends';
import { runSession, startMessage } from '../../testing/session';
import type { EpochArtifact } from '../../protocol';
import type { TrainingConfig } from '../../types';
import { closeYieldChannel } from '../control';
import type { TrainingData } from '../feed';

let backend: TrainingConfig['backend'] = 'cpu';
beforeAll(async () => {
  // WASM when this Node has it: the convolutional models train several times faster than on the CPU backend.
  if ((await nodeBackends()).includes('wasm')) backend = 'wasm';
});
afterAll(() => closeYieldChannel());

/** Images of bright bars (a few per sample) in [0, 1]: small, learnable, labelled by bar row. */
function bars(n: number, side = 28): TrainingData {
  const make = (count: number, offset: number) => {
    const x = new Float32Array(count * side * side);
    const y = new Int32Array(count);
    for (let i = 0; i < count; i++) {
      const row = (i + offset) % 4;
      y[i] = row;
      for (let c = 0; c < side; c++) x[i * side * side + (row * 6 + 3) * side + c] = 1;
    }
    return { x, y, count };
  };
  return {
    inputShape: [side, side, 1],
    inputDtype: 'float32',
    labelKind: 'classes',
    targetShape: [1],
    numClasses: 4,
    augment: null,
    train: make(n, 0),
    val: make(32, 1),
    test: make(32, 2),
  };
}

const CONFIG: TrainingConfig = {
  optimizer: 'adam',
  learningRate: 0.002,
  schedule: 'constant',
  loss: 'auto',
  batchSize: 32,
  epochs: 3,
  seed: 3,
  backend: 'cpu',
};

const template = (id: string) => TEMPLATES.find((t) => t.id === id)!.build();

async function run(graph: Graph, config: Partial<TrainingConfig>, data = bars(96), stopAfter?: number) {
  const msg = { ...startMessage(graph, data, { ...CONFIG, backend, ...config }), checkpoints: true };
  const out = await runSession(msg, stopAfter);
  const artifacts = out.messages
    .filter((m) => m.type === 'artifact')
    .map((m) => (m as { artifact: EpochArtifact }).artifact);
  const error = out.messages.find((m) => m.type === 'error') as
    | { message: string; nodeId?: string }
    | undefined;
  const trainer = out.s.trainer;
  const epochs = trainer?.state.epochs ?? [];
  out.s.disposeModel();
  return { ...out, artifacts, error, epochs, trainer };
}

describe('the VAE objective', () => {
  it('trains the VAE template: reconstruction and KL are charted, the loss falls, 64 samples per epoch', async () => {
    await run(template('vae-mnist'), { objective: 'vae', epochs: 1 });
    const before = tf.memory().numTensors;
    const { epochs, artifacts, error, trainer } = await run(template('vae-mnist'), { objective: 'vae' });
    expect(error).toBeUndefined();
    expect(epochs).toHaveLength(3);
    const [first, last] = [epochs[0], epochs[2]];
    expect(Object.keys(first.series ?? {}).sort()).toEqual([
      'kl',
      'reconstruction',
      'valKl',
      'valReconstruction',
    ]);
    expect(last.loss).toBeLessThan(first.loss);
    expect(last.series!.reconstruction + last.series!.kl).toBeCloseTo(last.loss, 1);
    expect(trainer!.state.batches[0].series).toHaveProperty('kl');
    expect(artifacts).toHaveLength(3);
    const a = artifacts[2] as EpochArtifact & {
      samples: Float32Array;
      grid: Float32Array;
      encoded: Float32Array;
    };
    expect(a.samples.length).toBe(64 * 28 * 28);
    // Probabilities straight from the decoder's sigmoid behind its Reshape (not squashed twice into [0.5, 1)).
    expect(a.samples.filter((v) => v < 0.45).length).toBeGreaterThan(a.samples.length / 4);
    expect(a.grid.length).toBe(15 * 15 * 28 * 28);
    expect(a.encoded.length).toBe(32 * 2);
    expect(epochs.every((e) => Number.isFinite(e.valLoss))).toBe(true);
    // Tensors held after each epoch stay flat (nothing leaks in the step, evaluation or samples).
    expect(new Set(epochs.map((e) => e.tensors)).size).toBe(1);
    // A whole second run leaves nothing behind once its model is disposed.
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses a model without a Sampling layer, saying how to add one', async () => {
    const { error } = await run(template('conv-autoencoder'), { objective: 'vae' });
    expect(error?.message).toMatch(/A VAE needs a Sampling layer/);
  });
});

describe('the autoencoder objective', () => {
  it('trains the Convolutional autoencoder template on MNIST-shaped images (target = input)', async () => {
    const { epochs, error, artifacts } = await run(template('conv-autoencoder'), {
      objective: 'autoencoder',
      epochs: 2,
    });
    expect(error).toBeUndefined();
    expect(epochs[1].loss).toBeLessThan(epochs[0].loss);
    expect(epochs[1].valMae).toBeLessThan(0.5);
    expect((artifacts[1] as unknown as { reconstructions: Float32Array }).reconstructions.length).toBe(
      8 * 28 * 28,
    );
  });

  it('says what shape the output must have when it does not reconstruct the input', async () => {
    const classifier = template('reference-cnn');
    const { error } = await run(classifier, { objective: 'autoencoder' });
    expect(error?.message).toMatch(/output is \(None, 10\) and the data is \(None, 28, 28, 1\)/);
  });
});

describe('the GAN objective', () => {
  it('trains the dense GAN template: discriminator and generator series, fixed-noise samples per epoch', async () => {
    const { epochs, error, artifacts, trainer } = await run(template('gan-mnist'), {
      objective: 'gan',
      epochs: 2,
    });
    expect(error).toBeUndefined();
    expect(epochs).toHaveLength(2);
    const series = epochs[1].series!;
    expect(series.discriminator).toBeGreaterThan(0);
    expect(series.generator).toBeGreaterThan(0);
    expect(trainer!.objective.hasTotal).toBe(false);
    expect(trainer!.objective.optimizers.map((o) => o.name)).toEqual(['discriminator', 'generator']);
    const samples = (artifacts[1] as unknown as { samples: Float32Array }).samples;
    expect(samples.length).toBe(64 * 28 * 28);
    expect(new Set(epochs.map((e) => e.tensors)).size).toBe(1);
  });

  it('continues from a checkpoint with both optimisers exactly as an unbroken run', async () => {
    const graph = template('gan-mnist');
    const full = await run(graph, { objective: 'gan', epochs: 2 });
    const half = await run(graph, { objective: 'gan', epochs: 2 }, bars(96), 1);
    const cp = half.saved.at(-1)!;
    expect(cp.optimizer.entries.some((e) => e.name.startsWith('generator::'))).toBe(true);
    const msg = startMessage(graph, bars(96), { ...CONFIG, backend, objective: 'gan', epochs: 2 }, cp);
    const resumed = await runSession(msg);
    const epochs = resumed.s.trainer!.state.epochs;
    resumed.s.disposeModel();
    expect(epochs[1].series!.generator).toBeCloseTo(full.epochs[1].series!.generator, 4);
  });

  it('explains a graph without roles, a shape mismatch and a generator without a noise vector', async () => {
    const gan = template('gan-mnist');
    const noRoles: Graph = { ...gan, nodes: gan.nodes.map(({ role: _r, ...n }) => n) };
    expect((await run(noRoles, { objective: 'gan' })).error?.message).toMatch(
      /exactly one generator and one discriminator.*set its role/,
    );
    const gen = chain([
      ['Input', { shape: [16] }],
      ['Dense', { units: 100 }],
    ]);
    const both = chain(
      [['Input', { shape: [28, 28, 1] }], ['Flatten'], ['Dense', { units: 1 }]],
      300,
      0,
      gen.graph,
    );
    const mismatch = setRole(setRole(both.graph, gen.ids[0], 'generator'), both.ids[0], 'discriminator');
    const m = await run(mismatch, { objective: 'gan' });
    expect(m.error?.message).toMatch(
      /generator makes \(None, 100\) but the discriminator takes \(None, 28, 28, 1\)/,
    );
    expect(m.error?.nodeId).toBe(gen.ids[1]);
    const imageNoise = chain([['Input', { shape: [28, 28, 1] }], ['ReLU']]);
    const g2 = chain(
      [['Input', { shape: [28, 28, 1] }], ['Flatten'], ['Dense', { units: 1 }]],
      300,
      0,
      imageNoise.graph,
    );
    const noNoise = setRole(setRole(g2.graph, imageNoise.ids[0], 'generator'), g2.ids[0], 'discriminator');
    expect((await run(noNoise, { objective: 'gan' })).error?.message).toMatch(/should be a noise vector/);
  });
});
