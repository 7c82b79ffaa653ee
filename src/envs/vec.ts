import { makeEnv } from './registry';
import { type Env, type EnvId, type EnvSpec, sizeOf } from './types';

/** A finished episode: its total reward and its number of steps. */
export interface EpisodeEnd {
  /** Which copy it ran in. */
  env: number;
  return: number;
  length: number;
}

/** What one step of every copy gave. */
export interface VecStep {
  rewards: Float32Array;
  /** 1 where the game itself ended the episode (no future reward to bootstrap). */
  terminated: Uint8Array;
  /** 1 where the episode ended, by the game or by the step limit (the copy has been reset). */
  done: Uint8Array;
  /** The observation each action led to, before any reset ([n × observation size]). */
  next: Float32Array;
  finished: EpisodeEnd[];
}

/** The seed of copy `i` of a run seeded `seed`: distinct and reproducible. */
export function copySeed(seed: number, i: number): number {
  return (Math.imul(seed ^ 0x5bd1e995, 2654435761) + Math.imul(i + 1, 0x9e3779b1)) >>> 0;
}

/**
 * `n` copies of one game stepped together: observations are one row each of `obs`; a copy whose episode ends is
 * reset at once, and its episode's return and length are reported.
 */
export class VecEnv {
  readonly envs: Env[];
  readonly spec: EnvSpec;
  readonly obsSize: number;
  /** The current observation of every copy, row-major [n × obsSize]. */
  readonly obs: Float32Array;
  private readonly returns: Float64Array;

  constructor(id: EnvId, n: number, seed: number) {
    if (!(Number.isInteger(n) && n >= 1))
      throw new RangeError(`The number of game copies must be ≥ 1; received ${n}.`);
    this.envs = Array.from({ length: n }, (_, i) => makeEnv(id, copySeed(seed, i)));
    this.spec = this.envs[0].spec;
    this.obsSize = sizeOf(this.spec.observationShape);
    this.obs = new Float32Array(n * this.obsSize);
    this.returns = new Float64Array(n);
    for (let i = 0; i < n; i++) this.envs[i].observe(this.obs, i * this.obsSize);
  }

  get count(): number {
    return this.envs.length;
  }

  /** Steps copy i with actions[i]; resets the copies whose episode ended. */
  step(actions: ArrayLike<number>): VecStep {
    const n = this.envs.length;
    const out: VecStep = {
      rewards: new Float32Array(n),
      terminated: new Uint8Array(n),
      done: new Uint8Array(n),
      next: new Float32Array(n * this.obsSize),
      finished: [],
    };
    for (let i = 0; i < n; i++) {
      const env = this.envs[i];
      const r = env.step(actions[i]);
      env.observe(out.next, i * this.obsSize);
      out.rewards[i] = r.reward;
      this.returns[i] += r.reward;
      out.terminated[i] = r.terminated ? 1 : 0;
      if (r.terminated || r.truncated) {
        out.done[i] = 1;
        out.finished.push({ env: i, return: this.returns[i], length: env.steps });
        this.returns[i] = 0;
        env.reset();
      }
      env.observe(this.obs, i * this.obsSize);
    }
    return out;
  }
}
