import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chain } from '../../../graph';
import { nodeBackends } from '../../testing/backends';
import { runSession, startMessage } from '../../testing/session';
import type { StartMessage } from '../../protocol';
import type { TrainingConfig } from '../../types';
import { closeYieldChannel } from '../control';

beforeAll(async () => {
  await nodeBackends();
});
afterAll(async () => {
  closeYieldChannel();
  await tf.setBackend('cpu');
});

const Q_NET = chain([
  ['Input', { shape: [36] }],
  ['Dense', { units: 16, activation: 'relu' }],
  ['Dense', { units: 4, activation: 'linear' }],
]).graph;

const CONFIG: TrainingConfig = {
  optimizer: 'adam',
  learningRate: 0.002,
  schedule: 'constant',
  loss: 'auto',
  batchSize: 16,
  epochs: 3,
  seed: 5,
  backend: 'auto',
  objective: 'dqn',
  agent: { env: 'maze', copies: 2, stepsPerEpoch: 30, learningStarts: 20 },
};

/** What the worker receives for an agent: no dataset, the game in the config. */
function agentStart(config: TrainingConfig, checkpoint?: StartMessage['checkpoint']): StartMessage {
  return { ...startMessage(Q_NET, null as never, config, checkpoint), dataset: null, data: null };
}

describe('an agent run in the training session', () => {
  it('plays without a dataset on a CPU-side backend, reports episodes and checkpoints the target network', async () => {
    const { saved, messages } = await runSession(agentStart(CONFIG));
    const backend = messages.find((m) => m.type === 'backend');
    expect(backend).toMatchObject({ reason: 'an agent reads its network once per move' });
    expect(['wasm', 'cpu']).toContain((backend as { backend: string }).backend);
    const end = messages.find((m) => m.type === 'end');
    expect(end).toMatchObject({ status: 'completed' });
    const artifacts = messages.filter((m) => m.type === 'artifact');
    expect(artifacts).toHaveLength(3);
    const episodes = artifacts.flatMap((m) =>
      m.type === 'artifact' ? (m.artifact.returns as number[]) : [],
    );
    expect(episodes.length).toBeGreaterThan(0);
    for (const r of episodes) expect(r).toBeLessThanOrEqual(1);
    expect(saved).toHaveLength(3);
    expect(saved[0].dataset).toBeNull();
    expect(saved[0].extra?.entries.map((e) => e.name)).toEqual([
      'target/0',
      'target/1',
      'target/2',
      'target/3',
    ]);
  }, 60_000);

  it('resumes from a checkpoint and finishes the remaining epochs', async () => {
    const first = await runSession(agentStart(CONFIG), 1);
    expect(first.messages.find((m) => m.type === 'end')).toMatchObject({ status: 'stopped' });
    const resumed = await runSession(agentStart(CONFIG, first.saved[0]));
    expect(resumed.messages.find((m) => m.type === 'end')).toMatchObject({ status: 'completed' });
    const epochs = resumed.messages
      .filter((m) => m.type === 'epoch')
      .map((m) => (m.type === 'epoch' ? m.point.epoch : 0));
    expect(epochs).toEqual([2, 3]);
  }, 60_000);
});
