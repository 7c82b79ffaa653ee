import type { DatasetConfig } from '../../data/types';
import type { Graph } from '../../graph';
import type { Checkpoint } from '../engine/checkpoint';
import type { TrainingData } from '../engine/feed';
import { Session } from '../engine/session';
import type { FromWorker, StartMessage } from '../protocol';
import type { RunRecord, TrainingConfig } from '../types';

/** The start message the worker would receive for a fresh run (or a resume from `checkpoint`). */
export function startMessage(
  graph: Graph,
  data: TrainingData,
  config: TrainingConfig,
  checkpoint?: Checkpoint,
): StartMessage {
  const run: RunRecord = {
    id: 'r1',
    name: 'Run 1',
    createdAt: '',
    graphHash: '',
    config,
    backend: 'cpu',
    measurements: [],
    status: 'running',
    batches: [],
    epochs: [],
    timings: { trainMs: 0, samplesPerSecond: 0 },
  };
  return {
    type: 'start',
    projectId: 'p',
    graph,
    dataset: {} as DatasetConfig,
    data,
    config,
    run,
    checkpoint,
  };
}

/**
 * Runs a session to its end (or stops it after `stopAfterEpoch`), keeping every message and every checkpoint as
 * IndexedDB would store it (a structured clone), so a resume reads back exactly what a reload would.
 */
export async function runSession(msg: StartMessage, stopAfterEpoch?: number) {
  const saved: Checkpoint[] = [];
  const messages: FromWorker[] = [];
  const store = {
    save: async (cp: Checkpoint) => void saved.push(structuredClone(cp)),
    remove: async () => undefined,
  };
  const s: Session = new Session(
    msg,
    (m) => {
      messages.push(m);
      if (m.type === 'epoch' && m.point.epoch === stopAfterEpoch) s.stop();
    },
    store,
  );
  await s.run();
  return { s, saved, messages };
}
