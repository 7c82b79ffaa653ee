import { type BatchPolicy, type EnvId, type EnvSpec, type RenderFrame, randomPolicy } from '../../envs';
import { trainingClient } from '../../train/client';
import { create } from 'zustand';

/** Greedy actions of the trained network (in the training worker): the highest output of each row. */
export function greedyPolicy(spec: EnvSpec): BatchPolicy {
  return async (obs, n) => {
    const out = await trainingClient.predict(obs, [n, ...spec.observationShape]);
    const A = spec.actionCount;
    return Array.from({ length: n }, (_, i) => {
      let best = 0;
      for (let a = 1; a < A; a++) if (out[i * A + a] > out[i * A + best]) best = a;
      return best;
    });
  };
}

/** Uniformly random moves, seeded (the baseline of the evaluation). */
export function seededRandomPolicy(spec: EnvSpec, seed: number): BatchPolicy {
  let a = seed >>> 0;
  const rng = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return randomPolicy(spec.actionCount, rng);
}

/** The best episode recorded by the last evaluation, for the player to replay. */
export interface Recording {
  env: EnvId;
  frames: RenderFrame[];
  value: number;
}

export const useRecording = create<{ best: Recording | null }>(() => ({ best: null }));
