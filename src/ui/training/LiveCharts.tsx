import { lazy, Suspense } from 'react';
import { useStudio } from '../../state/store';
import type { RunRecord } from '../../train/types';
import { type TrainingStatus, useTrainingStatus } from './training-status';

const LiveChartsView = lazy(() => import('./LiveChartsView'));

const selectRunId = (s: TrainingStatus) => s.runId;

/** The run the Train panel follows: the one started here, else the project's latest. */
function useFollowedRun(): RunRecord | undefined {
  const runId = useTrainingStatus(selectRunId);
  return useStudio((s) => {
    const runs = s.runs as RunRecord[];
    return runs.find((r) => r.id === runId) ?? runs.at(-1);
  });
}

/** Loss and Accuracy while training, without switching to the Runs tab (which keeps the comparison). */
export function LiveCharts() {
  const run = useFollowedRun();
  if (!run) return null;
  return (
    <Suspense fallback={null}>
      <LiveChartsView run={run} />
    </Suspense>
  );
}
