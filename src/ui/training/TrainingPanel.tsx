import { useEffect } from 'react';
import { useStudio } from '../../state/store';
import { trainingClient } from '../../train/client';
import type { BackendMeasurement, EpochPoint, RunRecord } from '../../train/types';
import { DatasetModelCheck } from '../data/DatasetModelCheck';
import { SettingsForm } from './SettingsForm';
import {
  findOffer,
  resumeCheckpoint,
  startTraining,
  type TrainingStatus,
  useTrainingStatus,
} from './training-status';
import './training.css';

const selectProjectId = (s: { projectId: string | null }) => s.projectId;
const selectPhase = (s: TrainingStatus) => s.phase;
const selectBackend = (s: TrainingStatus) => s.backend;
const selectReason = (s: TrainingStatus) => s.reason;
const selectMeasurements = (s: TrainingStatus) => s.measurements;
const selectProgress = (s: TrainingStatus) => s.progress;
const selectLoss = (s: TrainingStatus) => s.lastLoss;
const selectAlert = (s: TrainingStatus) => s.alert;
const selectNotice = (s: TrainingStatus) => s.notice;
const selectOffer = (s: TrainingStatus) => s.offer;
const selectRunId = (s: TrainingStatus) => s.runId;
const selectEpochs = (s: { training: unknown }) => (s.training as { epochs?: number } | null)?.epochs ?? 5;

const speed = (v: number) => `${v >= 100 ? Math.round(v).toLocaleString('en-US') : v.toFixed(1)} samples/s`;

const bytes = (n: number) =>
  n >= 1024 * 1024
    ? `${(n / 1024 / 1024).toFixed(1)} MB`
    : n >= 1024
      ? `${(n / 1024).toFixed(1)} kB`
      : `${n} B`;

function Buttons() {
  const phase = useTrainingStatus(selectPhase);
  const running = phase !== 'idle';
  return (
    <div className="training-buttons">
      <button type="button" className="primary" disabled={running} onClick={() => void startTraining()}>
        Train
      </button>
      {phase === 'paused' ? (
        <button type="button" onClick={() => trainingClient.resume()}>
          Resume
        </button>
      ) : (
        <button type="button" disabled={phase !== 'training'} onClick={() => trainingClient.pause()}>
          Pause
        </button>
      )}
      <button type="button" disabled={!running} onClick={() => trainingClient.stop()}>
        Stop
      </button>
    </div>
  );
}

function Measurement({ m, active }: { m: BackendMeasurement; active: boolean }) {
  return (
    <tr aria-current={active || undefined}>
      <th scope="row">{m.backend}</th>
      <td>{m.samplesPerSecond === null ? `unusable: ${m.error}` : speed(m.samplesPerSecond)}</td>
    </tr>
  );
}

function BackendStatus() {
  const backend = useTrainingStatus(selectBackend);
  const reason = useTrainingStatus(selectReason);
  const measurements = useTrainingStatus(selectMeasurements);
  return (
    <div className="training-backend">
      <p>
        Backend: <output aria-label="Backend">{backend ?? '—'}</output>
        {reason && <span className="training-muted"> ({reason})</span>}
      </p>
      {measurements.length > 0 && (
        <table aria-label="Backend speeds">
          <tbody>
            {measurements.map((m) => (
              <Measurement key={m.backend} m={m} active={m.backend === backend} />
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function ProgressLine() {
  const phase = useTrainingStatus(selectPhase);
  const progress = useTrainingStatus(selectProgress);
  const loss = useTrainingStatus(selectLoss);
  const epochs = useStudio(selectEpochs);
  const text =
    phase === 'measuring'
      ? 'Measuring the backends on this model…'
      : phase === 'compiling'
        ? 'Building the model…'
        : progress
          ? `Epoch ${Math.min(progress.epoch + 1, epochs)}/${epochs} · batch ${progress.batch}/${progress.batchesPerEpoch} · ${speed(progress.samplesPerSecond)}${loss === null ? '' : ` · loss ${loss.toFixed(4)}`}`
          : 'Not training.';
  return (
    <output className="training-progress" aria-label="Training progress">
      {phase === 'paused' ? `Paused. ${text}` : text}
    </output>
  );
}

function Offer() {
  const offer = useTrainingStatus(selectOffer);
  const phase = useTrainingStatus(selectPhase);
  if (!offer || phase !== 'idle') return null;
  return (
    <section className="training-offer" aria-label="Interrupted run">
      <p>
        {offer.run.name} was interrupted after epoch {offer.epoch} of {offer.config.epochs}. Its checkpoint is
        saved.
      </p>
      <button type="button" onClick={() => void resumeCheckpoint(offer)}>
        Resume
      </button>
    </section>
  );
}

const selectRunEpochs = (s: { runs: unknown[] }) => {
  const id = useTrainingStatus.getState().runId;
  return (s.runs as RunRecord[]).find((r) => r.id === id)?.epochs;
};

function EpochLog() {
  useTrainingStatus(selectRunId);
  const epochs = useStudio(selectRunEpochs);
  if (!epochs?.length) return null;
  const pct = (v?: number) => (v === undefined ? '' : ` · accuracy ${(v * 100).toFixed(1)}%`);
  const memory = (e: EpochPoint) =>
    e.tensors === undefined
      ? ''
      : ` · tensors ${e.tensors}${e.tensorBytes === undefined ? '' : ` (${bytes(e.tensorBytes)})`}`;
  return (
    <ol className="training-epochs" aria-label="Epochs">
      {epochs.map((e) => (
        <li key={e.epoch}>
          Epoch {e.epoch}: loss {e.loss.toFixed(4)} · val loss {e.valLoss.toFixed(4)}
          {pct(e.valAccuracy)}
          {memory(e)}
        </li>
      ))}
    </ol>
  );
}

function Messages() {
  const alert = useTrainingStatus(selectAlert);
  const notice = useTrainingStatus(selectNotice);
  return (
    <>
      {alert && (
        <p className="training-alert" role="alert">
          {alert}
        </p>
      )}
      {notice && <p className="training-notice">{notice}</p>}
    </>
  );
}

/** The training panel: settings, Train / Pause / Resume / Stop, the chosen backend and live progress. */
export function TrainingPanel() {
  const projectId = useStudio(selectProjectId);
  const phase = useTrainingStatus(selectPhase);
  useEffect(() => {
    void findOffer(projectId);
  }, [projectId]);
  return (
    <section className="training-panel" aria-label="Training">
      <SettingsForm disabled={phase !== 'idle'} />
      <DatasetModelCheck />
      <Buttons />
      <Offer />
      <ProgressLine />
      <Messages />
      <BackendStatus />
      <EpochLog />
    </section>
  );
}
