/**
 * The UI's only door to training: starts runs in the training worker, relays its events, and asks the trained
 * model for test predictions, Try-it predictions and export files. No tfjs runs on this thread.
 */
import type { ModelFiles } from '../compile/export-files';
import { loadDataset } from '../data/client';
import type { DatasetConfig, LoadedDataset } from '../data/types';
import type { Graph } from '../graph';
import type { Checkpoint } from './engine/checkpoint';
import type { SplitArrays, TrainingData } from './engine/feed';
import { projectCheckpoints } from './engine/idb-store';
import type { FromWorker, Reply, StartMessage, ToWorker } from './protocol';
import type { RunRecord, TestPredictions, TrainingConfig } from './types';

type Event = Exclude<FromWorker, Reply>;
type EventType = Event['type'];
type Listener<K extends EventType> = (msg: Extract<Event, { type: K }>) => void;

/** A short, stable hash of what makes two graphs the same architecture. */
export function graphHash(graph: Graph): string {
  const text = JSON.stringify([
    graph.nodes.map((n) => [n.id, n.type, n.params]),
    graph.edges.map((e) => [e.source, e.target, e.targetPort]),
  ]);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

function shrink(split: SplitArrays, count: number): SplitArrays {
  if (count >= split.count) return { x: split.x.slice(), y: split.y.slice(), count: split.count };
  const xs = split.x.length / Math.max(1, split.count);
  const ys = split.y.length / Math.max(1, split.count);
  return { x: split.x.slice(0, count * xs), y: split.y.slice(0, count * ys), count };
}

/** The loaded dataset as the worker wants it, honouring `maxTrainSamples`. */
export function toTrainingData(ds: LoadedDataset, maxTrain?: number): TrainingData {
  const split = (k: 'train' | 'val' | 'test'): SplitArrays => ({
    x: ds.x[k],
    y: ds.y[k],
    count: ds.counts[k],
  });
  const limit = maxTrain && maxTrain > 0 ? Math.min(maxTrain, ds.counts.train) : ds.counts.train;
  const ratio = limit / Math.max(1, ds.counts.train);
  const { inputShape, inputDtype, labelKind, targetShape, numClasses, classNames, augment } = ds;
  return {
    inputShape,
    inputDtype,
    labelKind,
    targetShape,
    numClasses,
    classNames,
    augment,
    padded: ds.format.kind === 'text',
    train: shrink(split('train'), limit),
    val: shrink(split('val'), Math.max(1, Math.ceil(ds.counts.val * ratio))),
    test: shrink(split('test'), ds.counts.test),
  };
}

function transferables(data: TrainingData | null): Transferable[] {
  if (!data) return [];
  return [data.train, data.val, data.test].flatMap((s) => [s.x.buffer, s.y.buffer]) as Transferable[];
}

/** True for the objectives of agents, which make their own data by playing a game. */
export function isAgentConfig(config: TrainingConfig): boolean {
  return config.objective === 'reinforce' || config.objective === 'dqn';
}

/** The arrays a run trains on: the loaded dataset, or none for an agent. */
async function trainingData(
  dataset: DatasetConfig | null,
  config: TrainingConfig,
): Promise<TrainingData | null> {
  if (isAgentConfig(config)) return null;
  if (!dataset) throw new Error('Choose a dataset in the Data tab first.');
  return toTrainingData(await loadDataset(dataset), config.maxTrainSamples);
}

/** Starts, steers and queries training runs in the training worker. */
export class TrainingClient {
  private worker: Worker | null = null;
  private listeners = new Map<EventType, Set<(msg: Event) => void>>();
  private pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  private nextId = 1;

  private get port(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'training' });
    w.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data);
    w.onerror = (e) => this.emit({ type: 'error', message: `The training worker failed: ${e.message}` });
    this.worker = w;
    return w;
  }

  private receive(msg: FromWorker): void {
    if (msg.type !== 'reply') {
      this.emit(msg);
      return;
    }
    const p = this.pending.get(msg.id);
    this.pending.delete(msg.id);
    if (msg.ok) p?.resolve(msg.value);
    else p?.reject(new Error(msg.message));
  }

  private emit(msg: Event): void {
    for (const fn of this.listeners.get(msg.type) ?? []) fn(msg);
  }

  /** Subscribes to one kind of event (phase, measured, backend, metrics ≈10 Hz, epoch, notice, end, error). */
  on<K extends EventType>(type: K, fn: Listener<K>): () => void {
    const set = this.listeners.get(type) ?? new Set();
    set.add(fn as (msg: Event) => void);
    this.listeners.set(type, set);
    return () => set.delete(fn as (msg: Event) => void);
  }

  private send(msg: ToWorker, transfer: Transferable[] = []): void {
    this.port.postMessage(msg, transfer);
  }

  private request<T>(msg: ToWorker & { id: number }, transfer: Transferable[] = []): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.set(msg.id, { resolve: resolve as (v: unknown) => void, reject });
      this.send(msg, transfer);
    });
  }

  /**
   * Loads the dataset, then starts a run in the worker; returns the new run's record (no metrics yet). An agent
   * (`config.objective` reinforce / dqn) has no dataset: it plays `config.agent.env` in the worker.
   */
  async start(
    graph: Graph,
    dataset: DatasetConfig | null,
    config: TrainingConfig,
    runId: string,
    options: { projectId: string; name?: string },
  ): Promise<RunRecord> {
    const run: RunRecord = {
      id: runId,
      name: options.name ?? `Run ${new Date().toLocaleTimeString()}`,
      createdAt: new Date().toISOString(),
      graphHash: graphHash(graph),
      config,
      backend: 'cpu',
      measurements: [],
      status: 'running',
      batches: [],
      epochs: [],
      timings: { trainMs: 0, samplesPerSecond: 0 },
    };
    await this.launch({
      type: 'start',
      projectId: options.projectId,
      graph,
      dataset,
      config,
      run,
      data: await trainingData(dataset, config),
    } as StartMessage);
    return run;
  }

  /** Continues a run from its checkpoint (after a reload): same data, weights, optimiser state and curves. */
  async resumeFromCheckpoint(cp: Checkpoint): Promise<RunRecord> {
    const data = await trainingData(cp.dataset, cp.config);
    const run = { ...cp.run, status: 'running' as const };
    await this.launch({
      type: 'start',
      projectId: cp.projectId,
      graph: cp.graph,
      dataset: cp.dataset,
      config: cp.config,
      run,
      data,
      checkpoint: cp,
    });
    return run;
  }

  private async launch(msg: StartMessage): Promise<void> {
    this.send(msg, transferables(msg.data));
  }

  /** Checkpoints of a project's unfinished runs, newest first (what "Resume" offers after a reload). */
  checkpoints(projectId: string): Promise<Checkpoint[]> {
    return projectCheckpoints(projectId);
  }

  /** Pauses between batches. */
  pause(): void {
    this.send({ type: 'pause' });
  }

  /** Continues a paused run. */
  resume(): void {
    this.send({ type: 'resume' });
  }

  /** Stops the run after the current batch (the model keeps what it learnt). */
  stop(): void {
    this.send({ type: 'stop' });
  }

  /** Test-split predictions of the trained model (for the evaluation UI). */
  evaluate(): Promise<TestPredictions> {
    return this.request({ type: 'evaluate', id: this.nextId++ });
  }

  /**
   * The trained model's output for a batch `x` of the given shape (row-major), e.g. for Try-it. With `all`, every
   * output's values side by side per sample (in output order) instead of the first output's only.
   */
  predict(x: Float32Array | Int32Array, shape: number[], all = false): Promise<Float32Array> {
    return this.request({ type: 'predict', id: this.nextId++, x, shape, all });
  }

  /** The trained model as TF.js Layers files (model.json + weights) for publishing or download. */
  exportTrainedModel(): Promise<ModelFiles> {
    return this.request({ type: 'export', id: this.nextId++ });
  }
}

/** The studio's one training client (the worker starts on first use). */
export const trainingClient = new TrainingClient();
