import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Maze } from '../../../envs';
import { chain } from '../../../graph';
import { nodeBackends } from '../../testing/backends';
import type { TrainingConfig } from '../../types';
import { closeYieldChannel } from '../control';
import { buildModel } from '../model';
import { forward, greedyActions } from '../rl/agent';
import { Trainer } from '../trainer';
import { DqnObjective } from './dqn';

beforeAll(async () => {
  const names = await nodeBackends();
  await tf.setBackend(names.includes('wasm') ? 'wasm' : 'cpu');
});
afterAll(() => closeYieldChannel());

const Q_NET = chain([
  ['Input', { shape: [36] }],
  ['Dense', { units: 64, activation: 'relu' }],
  ['Dense', { units: 4, activation: 'linear' }],
]).graph;

const CONFIG: TrainingConfig = {
  optimizer: 'adam',
  learningRate: 0.002,
  schedule: 'constant',
  loss: 'auto',
  batchSize: 32,
  epochs: 80,
  seed: 3,
  backend: 'wasm',
  objective: 'dqn',
  agent: { env: 'maze', copies: 4, stepsPerEpoch: 50 },
};

/** Greedy walks from every open cell side by side: how many reach the goal before the step limit. */
async function reachesFromEverywhere(model: tf.LayersModel): Promise<number> {
  const mazes = Maze.openCells.map((cell) => {
    const maze = new Maze(0);
    maze.placeAt(cell);
    return maze;
  });
  let active = mazes;
  let reached = 0;
  while (active.length) {
    const obs = new Float32Array(active.length * 36);
    active.forEach((m, k) => {
      m.observe(obs, k * 36);
    });
    const actions = greedyActions(await forward(model, obs, active.length, [36]), active.length, 4);
    active = active.filter((m, k) => {
      const r = m.step(actions[k]);
      if (r.terminated) reached += 1;
      return !r.terminated && !r.truncated;
    });
  }
  return reached;
}

describe('DQN on the maze (WASM)', () => {
  it('learns to reach the goal from every open cell within bounded episodes', async () => {
    const model = buildModel(Q_NET, CONFIG.seed);
    const objective = new DqnObjective({ model, data: null, config: CONFIG });
    let solvedAt: number | null = null;
    let reached = 0;
    const trainer = new Trainer(
      model,
      null,
      CONFIG,
      {
        onEpoch: async () => {
          reached = await reachesFromEverywhere(model);
          if (reached === Maze.openCells.length) {
            solvedAt = objective.log.count;
            trainer.control.stop();
          }
        },
      },
      objective,
    );
    const started = performance.now();
    await trainer.run();
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `DQN maze: every cell reaches the goal after ${solvedAt} episodes (${objective.envSteps} env steps), ${seconds.toFixed(1)} s; reached ${reached}/${Maze.openCells.length}`,
    );
    expect(reached).toBe(Maze.openCells.length);
    expect(solvedAt).not.toBeNull();
    expect(objective.buffer.size).toBeGreaterThan(0);
    trainer.dispose();
    model.dispose();
  }, 300_000);
});
