/** The typed messages between `client.ts` (UI thread) and `worker.ts` (tfjs). Bulk arrays are transferred. */
import type { ModelFiles } from '../compile/export-files';
import type { DatasetConfig } from '../data/types';
import type { Graph } from '../graph';
import type { Checkpoint } from './engine/checkpoint';
import type { EpochArtifact, ObjectiveDetail } from './engine/objectives/types';
import type { TrainingData } from './engine/feed';
import type { Progress } from './engine/trainer';
import type {
  BackendMeasurement,
  BackendName,
  BatchPoint,
  EpochPoint,
  RunRecord,
  RunStatus,
  TestPredictions,
  TrainingConfig,
} from './types';

export type { Checkpoint, EpochArtifact, Progress, TrainingData };

/** Starts (or, with `checkpoint`, continues) a run. */
export interface StartMessage {
  type: 'start';
  projectId: string;
  graph: Graph;
  /** The dataset; null for an agent, which plays a game (`config.agent.env`) instead. */
  dataset: DatasetConfig | null;
  data: TrainingData | null;
  config: TrainingConfig;
  /** The run as recorded so far (id, name, hash …); the worker fills in metrics. */
  run: RunRecord;
  checkpoint?: Checkpoint;
  /** Save a checkpoint to IndexedDB after every epoch (default true). */
  checkpoints?: boolean;
}

/** Messages to the worker. */
export type ToWorker =
  | StartMessage
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'stop' }
  | { type: 'evaluate'; id: number }
  | { type: 'predict'; id: number; x: Float32Array | Int32Array; shape: number[]; all?: boolean }
  | { type: 'export'; id: number };

/** What the worker is doing. */
export type Phase = 'measuring' | 'compiling' | 'training' | 'paused' | 'idle';

/** Answers to requests (evaluate, predict, export), matched by id. */
export type Reply =
  | { type: 'reply'; id: number; ok: true; kind: 'evaluate'; value: TestPredictions }
  | { type: 'reply'; id: number; ok: true; kind: 'predict'; value: Float32Array }
  | { type: 'reply'; id: number; ok: true; kind: 'export'; value: ModelFiles }
  | { type: 'reply'; id: number; ok: false; message: string };

/** Messages from the worker. */
export type FromWorker =
  | { type: 'phase'; phase: Phase; text: string }
  | { type: 'measured'; measurement: BackendMeasurement }
  | {
      type: 'backend';
      backend: BackendName;
      measurements: BackendMeasurement[];
      reason: string;
      /** The active backend's threads (WASM) and why it has one only, as in BackendMeasurement. */
      threads?: number;
      threadsNote?: string;
    }
  | { type: 'metrics'; batches: BatchPoint[]; progress: Progress }
  | { type: 'epoch'; point: EpochPoint; checkpointed: boolean }
  /** What the objective shows for an epoch (generated samples …), before that epoch's 'epoch' message. */
  | { type: 'artifact'; artifact: EpochArtifact }
  | { type: 'notice'; message: string }
  | {
      type: 'end';
      status: Exclude<RunStatus, 'running' | 'paused'>;
      message?: string;
      timings: RunRecord['timings'];
    }
  | {
      type: 'error';
      message: string;
      nodeId?: string | null;
      /** An objective's sentence as a code and values (the UI says it in the person's language). */
      detail?: ObjectiveDetail;
    }
  | Reply;
