import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chain } from '../../../graph';
import { nodeBackends } from '../../testing/backends';
import type { TrainingConfig } from '../../types';
import { closeYieldChannel } from '../control';
import { buildModel } from '../model';
import { Trainer } from '../trainer';
import { ReinforceObjective } from './reinforce';

beforeAll(async () => {
  const names = await nodeBackends();
  await tf.setBackend(names.includes('wasm') ? 'wasm' : 'cpu');
});
afterAll(() => closeYieldChannel());

const POLICY = chain([
  ['Input', { shape: [4] }],
  ['Dense', { units: 32, activation: 'relu' }],
  ['Dense', { units: 2, activation: 'softmax' }],
]).graph;

const CONFIG: TrainingConfig = {
  optimizer: 'adam',
  learningRate: 0.01,
  schedule: 'constant',
  loss: 'auto',
  batchSize: 32,
  epochs: 60,
  seed: 1,
  backend: 'wasm',
  objective: 'reinforce',
  agent: { env: 'cartpole' },
};

describe('REINFORCE on CartPole (WASM)', () => {
  it('reaches an average return ≥ 195 over 100 episodes within bounded episodes', async () => {
    const model = buildModel(POLICY, CONFIG.seed);
    const objective = new ReinforceObjective({ model, data: null, config: CONFIG });
    let solvedAt: number | null = null;
    const trainer = new Trainer(
      model,
      null,
      CONFIG,
      {
        onEpoch: () => {
          const log = objective.log;
          if (log.count >= 100 && log.average() >= 195) {
            solvedAt = log.count;
            trainer.control.stop();
          }
        },
      },
      objective,
    );
    const started = performance.now();
    const outcome = await trainer.run();
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `REINFORCE CartPole: solved after ${solvedAt} episodes, ${seconds.toFixed(1)} s; status ${outcome.status}, average ${objective.log.average().toFixed(1)}`,
    );
    expect(solvedAt).not.toBeNull();
    expect(objective.log.average()).toBeGreaterThanOrEqual(195);
    expect(solvedAt!).toBeLessThanOrEqual(CONFIG.epochs * 10 * 8);
    trainer.dispose();
    model.dispose();
  }, 300_000);

  it('refuses a network that does not fit the game, naming the fix', () => {
    const wrongInput = buildModel(
      chain([
        ['Input', { shape: [3] }],
        ['Dense', { units: 2, activation: 'softmax' }],
      ]).graph,
      1,
    );
    expect(() => new ReinforceObjective({ model: wrongInput, data: null, config: CONFIG })).toThrow(
      "The network's input is (None, 3) but CartPole observes (None, 4) (cart position, cart velocity, pole angle, pole angular velocity). Set Input to (4).",
    );
    const wrongOutput = buildModel(
      chain([
        ['Input', { shape: [4] }],
        ['Dense', { units: 3, activation: 'softmax' }],
      ]).graph,
      1,
    );
    expect(() => new ReinforceObjective({ model: wrongOutput, data: null, config: CONFIG })).toThrow(
      'Set the last Dense to 2 units.',
    );
    expect(
      () =>
        new ReinforceObjective({ model: wrongOutput, data: null, config: { ...CONFIG, agent: undefined } }),
    ).toThrow('An agent needs a game to play');
    expect(
      () =>
        new ReinforceObjective({
          model: wrongOutput,
          data: null,
          config: { ...CONFIG, agent: { env: 'cartpole', discount: 2 } },
        }),
    ).toThrow('The discount γ must be in (0, 1]; received 2.');
    wrongInput.dispose();
    wrongOutput.dispose();
  });

  it('plays the same episodes from the same seed', async () => {
    const episodes = async () => {
      const config = {
        ...CONFIG,
        epochs: 1,
        agent: { env: 'cartpole' as const, stepsPerEpoch: 2, copies: 4 },
      };
      const model = buildModel(POLICY, config.seed);
      const objective = new ReinforceObjective({ model, data: null, config });
      const trainer = new Trainer(model, null, config, {}, objective);
      await trainer.run();
      const out = [...objective.log.returns];
      trainer.dispose();
      model.dispose();
      return out;
    };
    const a = await episodes();
    expect(a).toHaveLength(8);
    expect(await episodes()).toEqual(a);
  }, 60_000);
});
