import { create } from 'zustand';
import { trainingClient } from '../../train/client';
import type { EpochArtifact } from '../../train/engine/objectives/types';
import { useTrainingStatus } from '../training/training-status';

/** Every episode an agent finished in the current run, in order (from the worker's per-epoch reports). */
export interface EpisodeHistory {
  runId: string | null;
  returns: number[];
  lengths: number[];
}

export const useEpisodes = create<EpisodeHistory>(() => ({ runId: null, returns: [], lengths: [] }));

/** The episodes of one epoch as the agent objectives report them (see `EpisodeLog.takeNew`). */
interface EpisodesArtifact extends EpochArtifact {
  kind: 'episodes';
  returns: number[];
  lengths: number[];
  first: number;
}

const isEpisodes = (a: EpochArtifact): a is EpisodesArtifact =>
  a.kind === 'episodes' && Array.isArray(a.returns);

trainingClient.on('artifact', (m) => {
  if (!isEpisodes(m.artifact)) return;
  const runId = useTrainingStatus.getState().runId;
  const a = m.artifact;
  useEpisodes.setState((s) => {
    // A new run (or a resumed one that starts its count again) replaces what was shown.
    const same = s.runId === runId && a.first === s.returns.length;
    const base = same ? s : { returns: s.returns.slice(0, a.first), lengths: s.lengths.slice(0, a.first) };
    return {
      runId,
      returns: [...(s.runId === runId ? base.returns : []), ...a.returns],
      lengths: [...(s.runId === runId ? base.lengths : []), ...a.lengths],
    };
  });
});

/** Mean of each window of the last `n` values (the moving average a person compares with the threshold). */
export function movingAverage(values: readonly number[], n = 100): number[] {
  const out: number[] = [];
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    sum += values[i];
    if (i >= n) sum -= values[i - n];
    out.push(sum / Math.min(i + 1, n));
  }
  return out;
}
