import { create } from 'zustand';
import type { DatasetConfig } from '../../data/types';
import { i18n } from '../../i18n';
import { useStudio } from '../../state/store';
import { isAgentConfig, trainingClient } from '../../train/client';
import { keepArtifact } from '../generate/generate-store';
import { mergeBatches } from './curve';
import { currentIssues, SUGGESTED_FIELDS, withSuggestions } from './first-run';
import { saveTrainedWeights } from './save-trained';
import type { Checkpoint } from '../../train/engine/checkpoint';
import type { Phase, Progress } from '../../train/protocol';
import type { BackendMeasurement, BackendName, RunRecord, TrainingConfig } from '../../train/types';
import { codedText } from '../coded-text';

/** What the panel shows about the current run (not saved; the run itself goes into the project's `runs`). */
export interface TrainingStatus {
  phase: Phase;
  runId: string | null;
  backend: BackendName | null;
  reason: string;
  /** Threads the active backend computes on (WASM), and why only one when so. */
  threads: number | null;
  threadsNote: string;
  measurements: BackendMeasurement[];
  progress: Progress | null;
  alert: string | null;
  notice: string | null;
  lastLoss: number | null;
  offer: Checkpoint | null;
}

/** The panel's live status (module store: components read narrow selectors). */
export const useTrainingStatus = create<TrainingStatus>(() => ({
  phase: 'idle',
  runId: null,
  backend: null,
  reason: '',
  threads: null,
  threadsNote: '',
  measurements: [],
  progress: null,
  alert: null,
  notice: null,
  lastLoss: null,
  offer: null,
}));

/** The defaults a new project trains with. */
export const DEFAULT_TRAINING: TrainingConfig = {
  optimizer: 'adam',
  learningRate: 0.001,
  schedule: 'constant',
  loss: 'auto',
  batchSize: 32,
  epochs: 5,
  seed: 1,
  backend: 'auto',
};

/** The project's training settings, filled with defaults. */
export function currentConfig(training: unknown): TrainingConfig {
  // A new project's epochs and batch size follow its dataset until the person sets them.
  const stored = training as Partial<TrainingConfig> | null;
  const config = stored
    ? { ...DEFAULT_TRAINING, ...stored }
    : { ...DEFAULT_TRAINING, suggested: SUGGESTED_FIELDS };
  return withSuggestions(config, useStudio.getState().dataset);
}

function updateRun(id: string, change: (r: RunRecord) => RunRecord): void {
  const runs = useStudio.getState().runs as RunRecord[];
  useStudio.getState().setRuns(runs.map((r) => (r.id === id ? change(r) : r)));
}

function putRun(run: RunRecord): void {
  const runs = (useStudio.getState().runs as RunRecord[]).filter((r) => r.id !== run.id);
  useStudio.getState().setRuns([...runs, run]);
}

const set = useTrainingStatus.setState;
const runId = () => useTrainingStatus.getState().runId;

trainingClient.on('phase', (m) => set({ phase: m.phase }));
trainingClient.on('measured', (m) =>
  set((s) => ({
    measurements: [...s.measurements.filter((x) => x.backend !== m.measurement.backend), m.measurement],
  })),
);
trainingClient.on('backend', (m) => {
  set({
    backend: m.backend,
    reason: m.reason,
    threads: m.threads ?? null,
    threadsNote: m.threadsNote ?? '',
    ...(m.measurements.length ? { measurements: m.measurements } : {}),
  });
  const id = runId();
  if (id)
    updateRun(id, (r) => ({
      ...r,
      backend: m.backend,
      measurements: m.measurements.length ? m.measurements : r.measurements,
    }));
});
trainingClient.on('metrics', (m) => {
  set({ progress: m.progress, lastLoss: m.batches.at(-1)?.loss ?? null });
  const id = runId();
  if (id) updateRun(id, (r) => ({ ...r, batches: mergeBatches(r.batches, m.batches) }));
});
trainingClient.on('epoch', (m) => {
  const id = runId();
  if (id)
    updateRun(id, (r) => ({ ...r, epochs: [...r.epochs.filter((e) => e.epoch !== m.point.epoch), m.point] }));
});
trainingClient.on('notice', (m) => set({ notice: m.message }));
trainingClient.on('artifact', (m) => keepArtifact(m.artifact, runId()));
trainingClient.on('end', (m) => {
  // A notice from during the run (e.g. the GPU device was lost and the run moved on) stays until the next run.
  set((s) => ({
    phase: 'idle',
    alert: m.status === 'failed' ? (m.message ?? i18n.t('train:failed')) : null,
    notice: m.status === 'failed' ? null : (m.message ?? s.notice),
  }));
  const id = runId();
  if (id) updateRun(id, (r) => ({ ...r, status: m.status, message: m.message, timings: m.timings }));
  const projectId = useStudio.getState().projectId;
  if (projectId && m.status !== 'failed')
    saveTrainedWeights(projectId).catch((e) => set({ alert: i18n.t('train:notKept', { error: String(e) }) }));
});
trainingClient.on('error', (m) => {
  // An objective's sentence comes as a code too: said in the UI language (other messages: see train-text.ts).
  set({ phase: 'idle', alert: codedText('objectives', m) });
  const id = runId();
  if (id) updateRun(id, (r) => ({ ...r, status: 'failed', message: m.message }));
});

function fresh(id: string): Partial<TrainingStatus> {
  return {
    runId: id,
    phase: 'measuring',
    alert: null,
    notice: null,
    progress: null,
    lastLoss: null,
    offer: null,
    measurements: [],
    backend: null,
    threads: null,
    threadsNote: '',
  };
}

/** Train waits while the dataset–model check fails (supervised runs): the alert says why and how to fix it. */
function refuseMismatch(config: TrainingConfig): boolean {
  if ((config.objective ?? 'supervised') !== 'supervised') return false;
  const issues = currentIssues();
  if (!issues.length) return false;
  set({
    alert: i18n.t('firstrun:blocked', { count: issues.length, first: issues[0].message }),
    notice: null,
  });
  return true;
}

/** Starts a run of the current graph on the current dataset with the current settings. */
export async function startTraining(): Promise<void> {
  const { graph, dataset, training, projectId } = useStudio.getState();
  // An agent plays its game (training.agent.env) instead of reading a dataset.
  if (!dataset && !isAgentConfig(currentConfig(training))) return set({ alert: i18n.t('train:noDataset') });
  if (refuseMismatch(currentConfig(training))) return;
  const id = `run-${Date.now().toString(36)}`;
  set(fresh(id));
  try {
    const n = (useStudio.getState().runs as RunRecord[]).length + 1;
    const run = await trainingClient.start(
      graph,
      (dataset as DatasetConfig | null) ?? null,
      currentConfig(training),
      id,
      {
        projectId: projectId ?? 'local',
        name: i18n.t('train:runName', { n }),
      },
    );
    putRun(run);
  } catch (e) {
    set({
      phase: 'idle',
      alert: i18n.t('train:couldNotStart', { error: e instanceof Error ? e.message : String(e) }),
    });
  }
}

/** Continues the interrupted run of the offered checkpoint. */
export async function resumeCheckpoint(cp: Checkpoint): Promise<void> {
  set({
    ...fresh(cp.runId),
    progress: { epoch: cp.epoch, batch: 0, batchesPerEpoch: 0, samplesPerSecond: 0 },
  });
  try {
    putRun(await trainingClient.resumeFromCheckpoint(cp));
  } catch (e) {
    set({
      phase: 'idle',
      alert: i18n.t('train:couldNotResume', { error: e instanceof Error ? e.message : String(e) }),
    });
  }
}

/** Looks for an interrupted run of this project to offer "Resume". */
export async function findOffer(projectId: string | null): Promise<void> {
  if (useTrainingStatus.getState().phase !== 'idle') return;
  const cps = await trainingClient.checkpoints(projectId ?? 'local').catch(() => []);
  const cp = cps.find((c) => c.epoch < c.config.epochs) ?? null;
  set({ offer: cp });
}
