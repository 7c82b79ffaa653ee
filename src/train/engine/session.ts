import * as tf from '@tensorflow/tfjs';
import { CompileError } from '../../compile/errors';
import { assertIndexRange } from '../../data/index-check';
import type { FromWorker, StartMessage } from '../protocol';
import type { BackendMeasurement, BackendName, BatchPoint, RunRecord } from '../types';
import { BACKENDS, fastest, measureBackends, switchTo, threadsOf } from './backends';
import { type Checkpoint, pack, restore, snapshot, unpack } from './checkpoint';
import { DeviceWatch, deviceLostMessage, fallbackBackend } from './device-loss';
import { firstNonFinite } from './feed';
import { buildModel } from './model';
import { makeObjective, ObjectiveError } from './objectives';
import { type Progress, Trainer, type TrainerState } from './trainer';

/** Where checkpoints go (IndexedDB in the browser; a map in tests). */
export interface CheckpointStore {
  save(cp: Checkpoint): Promise<void>;
  remove(projectId: string, runId: string): Promise<void>;
}

type Post = (msg: FromWorker, transfer?: Transferable[]) => void;

const METRICS_MS = 100;

/** One training run inside the worker: backend choice, the loop, throttled metrics, checkpoints, fallback. */
export class Session {
  model: tf.LayersModel | null = null;
  trainer: Trainer | null = null;
  backend: BackendName = 'cpu';
  private measurements: BackendMeasurement[] = [];
  private buffer: BatchPoint[] = [];
  private lastProgress: Progress | null = null;
  private lastPost = 0;
  private lastCheckpoint: Checkpoint | null = null;
  private readonly device = new DeviceWatch();
  private stopRequested = false;

  constructor(
    readonly start: StartMessage,
    private readonly post: Post,
    private readonly store: CheckpointStore | null,
  ) {
    this.lastCheckpoint = start.checkpoint ?? null;
  }

  /** Stops the run (also while the backends are still being measured). */
  stop(): void {
    this.stopRequested = true;
    this.trainer?.control.stop();
  }

  /** Runs the whole session; every outcome ends in one 'end' or 'error' message. */
  async run(): Promise<void> {
    const bad = this.start.data ? firstNonFinite(this.start.data.train.x) : -1;
    if (bad >= 0 && this.start.data) {
      this.post({
        type: 'error',
        message: `The training data holds a missing or infinite value (sample ${Math.floor(bad / this.start.data.inputShape.reduce((a, b) => a * b, 1)) + 1}): fix the dataset first.`,
      });
      return;
    }
    try {
      // Ids a lookup layer has no row for fail on WASM and CPU and go unnoticed on WebGL: refuse them up front.
      if (this.start.data) assertIndexRange(this.start.graph, this.start.data);
      await this.chooseBackend();
      await this.train();
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const nodeId = e instanceof CompileError || e instanceof ObjectiveError ? e.nodeId : undefined;
      const detail = e instanceof ObjectiveError ? e.detail : undefined;
      this.post({ type: 'error', message, nodeId, detail });
    }
  }

  private async chooseBackend(): Promise<void> {
    const wanted = this.start.config.backend;
    if (wanted !== 'auto') {
      const problem = await switchTo(wanted);
      if (!problem) return this.announce(wanted, `chosen in the settings`);
      this.post({
        type: 'notice',
        message: `Could not use ${wanted} (${problem}); measuring the others instead.`,
      });
    }
    if (!this.start.data) {
      // An agent runs its small network one move at a time, reading each answer back: per-call latency decides,
      // and the CPU-side backends have the least (a GPU read is a fence per move).
      for (const b of ['wasm', 'cpu'] as const)
        if (!(await switchTo(b))) return this.announce(b, 'an agent reads its network once per move');
    }
    this.post({ type: 'phase', phase: 'measuring', text: 'Measuring backends on this model…' });
    this.measurements = await measureBackends(
      this.start.graph,
      this.start.data!,
      this.start.config,
      BACKENDS,
      (m) => this.post({ type: 'measured', measurement: m }),
    );
    const best = fastest(this.measurements);
    if (!best)
      throw new Error(
        `No backend could train this model: ${this.measurements.map((m) => `${m.backend}: ${m.error}`).join('; ')}.`,
      );
    await switchTo(best);
    this.announce(best, 'fastest on this model');
  }

  private announce(backend: BackendName, reason: string): void {
    this.backend = backend;
    this.post({ type: 'backend', backend, measurements: this.measurements, reason, ...threadsOf(backend) });
    this.watchDevice();
  }

  /** WebGPU can lose its device (driver reset, sleep); then the run moves to the next backend. */
  private watchDevice(): void {
    if (this.backend !== 'webgpu') return;
    const device = (tf.backend() as unknown as { device?: { lost?: Promise<unknown> } }).device;
    this.device.watch(device, () => this.trainer?.control.stop());
  }

  private async train(): Promise<void> {
    this.post({ type: 'phase', phase: 'compiling', text: 'Building the model…' });
    this.disposeModel();
    const { graph, data, config, checkpoint } = this.start;
    this.model = buildModel(graph, config.seed);
    const objective = makeObjective({ model: this.model, graph, data, config });
    this.trainer = new Trainer(
      this.model,
      data,
      config,
      {
        onBatch: (p, progress) => this.onBatch(p, progress),
        onEpoch: (_p, state) => this.onEpoch(state),
        onArtifact: (artifact) => this.post({ type: 'artifact', artifact }),
      },
      objective,
    );
    const from = this.lastCheckpoint ?? checkpoint;
    if (from) {
      const best = await restore(this.model, objective.optimizers, from);
      if (from.extra && objective.restoreExtraState) {
        const extra = unpack(from.extra);
        objective.restoreExtraState(extra);
        tf.dispose(extra.map((e) => e.tensor));
      }
      this.trainer.state = structuredClone(from.state);
      if (best) this.trainer.adoptBestWeights(best);
    }
    this.post({ type: 'phase', phase: 'training', text: `Training on ${this.backend}` });
    if (this.stopRequested) this.trainer.control.stop();
    // A lost device often fails the next GPU read before `lost` settles: that error is a fallback, not a failure.
    const outcome = await this.trainer.run().catch(async (e) => {
      if (await this.device.explains(e)) return null;
      throw e;
    });
    this.flush(this.trainer.state.epoch);
    if (this.device.lost || !outcome) return this.fallBack();
    const timings = this.timings();
    // The run is over (also when stopped): nothing is left to resume.
    await this.store?.remove(this.start.projectId, this.start.run.id).catch(() => undefined);
    this.post({ type: 'end', status: outcome.status, message: outcome.message, timings });
  }

  private async fallBack(): Promise<void> {
    this.device.reset();
    const next = fallbackBackend(this.measurements);
    this.post({ type: 'notice', message: deviceLostMessage(next, this.lastCheckpoint?.epoch ?? 0) });
    try {
      this.disposeModel();
    } catch {
      // The lost device's buffers are gone with it.
      this.trainer = null;
      this.model = null;
    }
    await switchTo(next);
    this.announce(next, 'fallback after the GPU device was lost');
    await this.train();
  }

  private timings(): RunRecord['timings'] {
    const s = this.trainer!.state;
    const samples = s.batches.length
      ? s.step * Math.min(this.start.config.batchSize, this.start.data?.train.count ?? 1)
      : 0;
    return {
      trainMs: Math.round(s.elapsedMs),
      samplesPerSecond: s.elapsedMs > 0 ? (samples * 1000) / s.elapsedMs : 0,
    };
  }

  private onBatch(point: BatchPoint, progress: Progress): void {
    this.buffer.push(point);
    this.lastProgress = progress;
    const now = performance.now();
    if (now - this.lastPost < METRICS_MS) return;
    this.lastPost = now;
    this.post({ type: 'metrics', batches: this.buffer, progress });
    this.buffer = [];
  }

  private flush(epoch: number): void {
    if (!this.buffer.length) return;
    const t = this.trainer!;
    // Where the buffered batches left off (the epoch's last batch), so the progress line keeps "batch 5/5"
    // instead of falling back to 0/0 between epochs and after the run.
    const progress = this.lastProgress
      ? { ...this.lastProgress, samplesPerSecond: t.samplesPerSecond }
      : { epoch, batch: 0, batchesPerEpoch: 0, samplesPerSecond: t.samplesPerSecond };
    this.post({ type: 'metrics', batches: this.buffer, progress });
    this.buffer = [];
  }

  private async onEpoch(state: TrainerState): Promise<void> {
    this.flush(state.epoch);
    const point = state.epochs[state.epochs.length - 1];
    let checkpointed = false;
    if (this.start.checkpoints !== false) {
      const objective = this.trainer!.objective;
      const { weights, optimizer, best } = await snapshot(
        this.model!,
        objective.optimizers,
        this.trainer!.bestWeights,
      );
      const extraState = objective.extraState?.() ?? [];
      const extra = extraState.length ? await pack(extraState) : undefined;
      tf.dispose(extraState.map((e) => e.tensor));
      const run: RunRecord = {
        ...this.start.run,
        backend: this.backend,
        measurements: this.measurements,
        status: 'running',
        batches: state.batches,
        epochs: state.epochs,
        timings: this.timings(),
      };
      const { projectId, graph, dataset, config } = this.start;
      const cp: Checkpoint = {
        version: 1,
        projectId,
        runId: run.id,
        savedAt: new Date().toISOString(),
        epoch: state.epoch,
        graph,
        dataset,
        config,
        state: structuredClone(state),
        run,
        weights,
        optimizer,
        ...(best ? { best } : {}),
        ...(extra ? { extra } : {}),
      };
      this.lastCheckpoint = cp;
      try {
        await this.store?.save(cp);
        checkpointed = !!this.store;
      } catch (e) {
        this.post({
          type: 'notice',
          message: `The checkpoint could not be saved (${String(e)}); training goes on.`,
        });
      }
    }
    this.post({ type: 'epoch', point, checkpointed });
  }

  /** Frees the model and optimiser (before a new run or a fallback). */
  disposeModel(): void {
    this.trainer?.dispose();
    this.model?.dispose();
    this.trainer = null;
    this.model = null;
  }
}
