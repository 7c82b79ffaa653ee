import { makeEnv } from './registry';
import { type EnvId, type RenderFrame, sizeOf } from './types';
import { copySeed } from './vec';

/** Chooses one action per row of a batch of observations ([n × observation size]). */
export type BatchPolicy = (obs: Float32Array, n: number) => Promise<ArrayLike<number>> | ArrayLike<number>;

/** Returns and lengths of finished episodes, and the frames of the best one when asked to record. */
export interface EpisodeReport {
  returns: number[];
  lengths: number[];
  /** Index of the episode with the highest return. */
  best: number;
  /** Frames of the best episode (its first state to its last), when `record` was set. */
  bestFrames?: RenderFrame[];
}

/**
 * Plays `episodes` whole episodes of a game side by side (one policy call per step for every unfinished copy),
 * each copy seeded from `seed`. Used to evaluate a policy against a random one, and to record the best episode.
 */
export async function playEpisodes(
  id: EnvId,
  episodes: number,
  seed: number,
  policy: BatchPolicy,
  record = false,
): Promise<EpisodeReport> {
  const envs = Array.from({ length: episodes }, (_, i) => makeEnv(id, copySeed(seed, i)));
  const d = sizeOf(envs[0].spec.observationShape);
  const returns = new Array<number>(episodes).fill(0);
  const lengths = new Array<number>(episodes).fill(0);
  const frames: RenderFrame[][] = envs.map((e) => (record ? [e.render()] : []));
  let active = envs.map((_, i) => i);
  while (active.length) {
    const obs = new Float32Array(active.length * d);
    active.forEach((i, k) => {
      envs[i].observe(obs, k * d);
    });
    const actions = await policy(obs, active.length);
    const still: number[] = [];
    active.forEach((i, k) => {
      const r = envs[i].step(actions[k]);
      returns[i] += r.reward;
      lengths[i] += 1;
      if (record) frames[i].push(envs[i].render());
      if (!r.terminated && !r.truncated) still.push(i);
    });
    active = still;
  }
  let best = 0;
  for (let i = 1; i < episodes; i++) if (returns[i] > returns[best]) best = i;
  return { returns, lengths, best, ...(record ? { bestFrames: frames[best] } : {}) };
}

/** A policy that picks uniformly random actions (the baseline every agent must beat). */
export function randomPolicy(actionCount: number, rng: () => number): BatchPolicy {
  return (_obs, n) => Array.from({ length: n }, () => Math.floor(rng() * actionCount));
}
