// `npx tsx bench/agents.ts [--quick]`: game-playing agents in Node on the WASM backend — episodes and wall time
// until REINFORCE averages ≥ 195 (and ≥ 475, "solved" for CartPole-v1) over 100 episodes, until DQN reaches the
// maze goal from every open cell, and until the Conv2D Catch policy averages ≥ 0.9; plus raw environment steps/s
// and the steps/s the agents achieve while learning. Prints one JSON object. Evidence, never pass/fail.
import * as tf from '@tensorflow/tfjs';
import { Maze, makeEnv, VecEnv } from '../src/envs';
import { AGENT_TEMPLATES, type AgentTemplate } from '../src/graph';
import { nodeBackends } from '../src/train/testing/backends';
import type { TrainingConfig } from '../src/train/types';
import { closeYieldChannel } from '../src/train/engine/control';
import { buildModel } from '../src/train/engine/model';
import { DqnObjective } from '../src/train/engine/objectives/dqn';
import { ReinforceObjective } from '../src/train/engine/objectives/reinforce';
import { forward, greedyActions } from '../src/train/engine/rl/agent';
import { Trainer } from '../src/train/engine/trainer';

const quick = process.argv.includes('--quick');
const round = (v: number, d = 1) => Math.round(v * 10 ** d) / 10 ** d;

function configOf(t: AgentTemplate, seed: number, epochs = t.agent.epochs): TrainingConfig {
  return {
    optimizer: 'adam',
    learningRate: t.agent.learningRate,
    schedule: 'constant',
    loss: 'auto',
    batchSize: t.agent.batchSize ?? 32,
    epochs,
    seed,
    backend: 'wasm',
    objective: t.agent.objective,
    agent: { env: t.agent.env, ...(t.agent.options ?? {}) },
  };
}

/** Env steps per second of the bare game with random moves (the ceiling the agents work under). */
function rawSteps(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const id of ['cartpole', 'maze', 'catch'] as const) {
    const vec = new VecEnv(id, 16, 1);
    const actions = new Int32Array(16);
    const n = quick ? 20_000 : 100_000;
    const t0 = performance.now();
    for (let s = 0; s < n / 16; s++) {
      for (let i = 0; i < 16; i++) actions[i] = (s * 7 + i) % vec.spec.actionCount;
      vec.step(actions);
    }
    out[id] = Math.round((n * 1000) / (performance.now() - t0));
  }
  return out;
}

async function mazeSolved(model: tf.LayersModel): Promise<boolean> {
  const mazes = Maze.openCells.map((c) => {
    const m = makeEnv('maze') as Maze;
    m.placeAt(c);
    return m;
  });
  let active = mazes;
  let reached = 0;
  while (active.length) {
    const obs = new Float32Array(active.length * 36);
    active.forEach((m, k) => {
      m.observe(obs, k * 36);
    });
    const acts = greedyActions(await forward(model, obs, active.length, [36]), active.length, 4);
    active = active.filter((m, k) => {
      const r = m.step(acts[k]);
      if (r.terminated) reached += 1;
      return !r.terminated && !r.truncated;
    });
  }
  return reached === mazes.length;
}

/** Trains a template's network until `reached` says so (checked after every epoch) or its epochs run out. */
async function toThreshold(id: string, seed: number, targets: Record<string, number>) {
  const t = AGENT_TEMPLATES.find((x) => x.id === id)!;
  const config = configOf(t, seed, t.agent.epochs * 3);
  const model = buildModel(t.build(), seed);
  const objective =
    t.agent.objective === 'dqn'
      ? new DqnObjective({ model, data: null, config })
      : new ReinforceObjective({ model, data: null, config });
  const reached: Record<string, { episodes: number; seconds: number } | null> = {};
  for (const k of Object.keys(targets)) reached[k] = null;
  const t0 = performance.now();
  let envSteps = 0;
  const trainer = new Trainer(
    model,
    null,
    config,
    {
      onEpoch: async () => {
        const seconds = round((performance.now() - t0) / 1000, 2);
        const log = objective.log;
        envSteps = log.lengths.reduce((a, b) => a + b, 0);
        for (const [k, v] of Object.entries(targets)) {
          if (reached[k]) continue;
          const ok = k === 'allCells' ? await mazeSolved(model) : log.count >= 100 && log.average() >= v;
          if (ok) reached[k] = { episodes: log.count, seconds };
        }
        if (Object.values(reached).every(Boolean)) trainer.control.stop();
      },
    },
    objective,
  );
  await trainer.run();
  const seconds = (performance.now() - t0) / 1000;
  const result = {
    template: id,
    seed,
    reached,
    episodes: objective.log.count,
    averageReturn: round(objective.log.average(), 2),
    seconds: round(seconds, 2),
    envStepsPerSecond: Math.round(envSteps / seconds),
  };
  trainer.dispose();
  model.dispose();
  return result;
}

async function main() {
  const names = await nodeBackends();
  await tf.setBackend(names.includes('wasm') ? 'wasm' : 'cpu');
  const seeds = quick ? [1] : [1, 2, 3];
  const cartpole = [];
  for (const s of seeds) cartpole.push(await toThreshold('cartpole-policy', s, { avg195: 195, avg475: 475 }));
  const maze = [];
  for (const s of seeds) maze.push(await toThreshold('maze-dqn', s, { allCells: 1 }));
  const catchGame = [];
  for (const s of seeds.slice(0, quick ? 1 : 2))
    catchGame.push(await toThreshold('catch-conv-policy', s, { avg90: 0.9 }));
  closeYieldChannel();
  console.log(
    JSON.stringify(
      { backend: tf.getBackend(), rawEnvStepsPerSecond: rawSteps(), cartpole, maze, catch: catchGame },
      null,
      2,
    ),
  );
}

void main();
