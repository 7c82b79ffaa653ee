import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent, i18n } from '../../i18n';
import { useStudio } from '../../state/store';
import { trainingClient } from '../../train/client';
import type { BackendMeasurement, EpochPoint, RunRecord } from '../../train/types';
import { DatasetModelCheck } from '../data/DatasetModelCheck';
import { FixAndTrain } from './FixAndTrain';
import { LiveCharts } from './LiveCharts';
import { AgentSettings } from '../play/AgentSettings';
import { GameModelCheck } from '../play/GameModelCheck';
import { SettingsForm } from './SettingsForm';
import {
  findOffer,
  resumeCheckpoint,
  startTraining,
  type TrainingStatus,
  useTrainingStatus,
} from './training-status';
import { trainMessage } from './train-text';
import './training.css';

const selectProjectId = (s: { projectId: string | null }) => s.projectId;
const selectPhase = (s: TrainingStatus) => s.phase;
const selectBackend = (s: TrainingStatus) => s.backend;
const selectReason = (s: TrainingStatus) => s.reason;
const selectMeasurements = (s: TrainingStatus) => s.measurements;
const selectThreads = (s: TrainingStatus) => s.threads;
const selectThreadsNote = (s: TrainingStatus) => s.threadsNote;
const selectProgress = (s: TrainingStatus) => s.progress;
const selectLoss = (s: TrainingStatus) => s.lastLoss;
const selectAlert = (s: TrainingStatus) => s.alert;
const selectNotice = (s: TrainingStatus) => s.notice;
const selectOffer = (s: TrainingStatus) => s.offer;
const selectRunId = (s: TrainingStatus) => s.runId;
const selectEpochs = (s: { training: unknown }) => (s.training as { epochs?: number } | null)?.epochs ?? 5;

const speed = (v: number) =>
  i18n.t('train:speed', {
    value: formatNumber(v >= 100 ? Math.round(v) : v, {
      minimumFractionDigits: v >= 100 ? 0 : 1,
      maximumFractionDigits: v >= 100 ? 0 : 1,
    }),
  });

const bytes = (n: number) =>
  n >= 1024 * 1024
    ? `${(n / 1024 / 1024).toFixed(1)} MB`
    : n >= 1024
      ? `${(n / 1024).toFixed(1)} kB`
      : `${n} B`;

function Buttons() {
  const phase = useTrainingStatus(selectPhase);
  const running = phase !== 'idle';
  const { t } = useTranslation('train');
  return (
    <div className="training-buttons">
      <button type="button" className="primary" disabled={running} onClick={() => void startTraining()}>
        {t('train')}
      </button>
      {phase === 'paused' ? (
        <button type="button" onClick={() => trainingClient.resume()}>
          {t('resume')}
        </button>
      ) : (
        <button type="button" disabled={phase !== 'training'} onClick={() => trainingClient.pause()}>
          {t('pause')}
        </button>
      )}
      <button type="button" disabled={!running} onClick={() => trainingClient.stop()}>
        {t('stop')}
      </button>
    </div>
  );
}

function Measurement({ m, active }: { m: BackendMeasurement; active: boolean }) {
  const { t } = useTranslation('train');
  return (
    <tr aria-current={active || undefined}>
      <th scope="row">{m.backend}</th>
      <td>
        {m.samplesPerSecond === null ? t('unusable', { error: m.error ?? '' }) : speed(m.samplesPerSecond)}
        {m.threads !== undefined && ` · ${t('threadCount', { count: m.threads })}`}
      </td>
    </tr>
  );
}

function BackendStatus() {
  const backend = useTrainingStatus(selectBackend);
  const reason = useTrainingStatus(selectReason);
  const measurements = useTrainingStatus(selectMeasurements);
  const threads = useTrainingStatus(selectThreads);
  const threadsNote = useTrainingStatus(selectThreadsNote);
  const { t } = useTranslation('train');
  return (
    <div className="training-backend">
      <p>
        {t('backendLabel')} <output aria-label={t('backend')}>{backend ?? '—'}</output>
        {reason && <span className="training-muted"> ({trainMessage(reason)})</span>}
      </p>
      {threads !== null && (
        <p>
          {t('threadsLabel')} <output aria-label={t('threads')}>{threads}</output>
          {threadsNote && <span className="training-muted"> ({trainMessage(threadsNote)})</span>}
        </p>
      )}
      {measurements.length > 0 && (
        <table aria-label={t('backendSpeeds')}>
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
  const { t } = useTranslation('train');
  const text =
    phase === 'measuring'
      ? t('measuring')
      : phase === 'compiling'
        ? t('compiling')
        : !progress
          ? t('notTraining')
          : progress.batchesPerEpoch === 0
            ? // A resumed run before its first batch reports in.
              t('epochStarting', { epoch: Math.min(progress.epoch + 1, epochs), epochs })
            : t('epochLine', {
                epoch: Math.min(progress.epoch + 1, epochs),
                epochs,
                batch: progress.batch,
                batches: progress.batchesPerEpoch,
                speed: speed(progress.samplesPerSecond),
              }) + (loss === null ? '' : t('lossPart', { loss: loss.toFixed(4) }));
  return (
    <output className="training-progress" aria-label={t('progress')}>
      {phase === 'paused' ? t('paused', { text }) : text}
    </output>
  );
}

function Offer() {
  const offer = useTrainingStatus(selectOffer);
  const phase = useTrainingStatus(selectPhase);
  const { t } = useTranslation('train');
  if (!offer || phase !== 'idle') return null;
  return (
    <section className="training-offer" aria-label={t('interrupted')}>
      <p>{t('interruptedText', { name: offer.run.name, epoch: offer.epoch, epochs: offer.config.epochs })}</p>
      <button type="button" onClick={() => void resumeCheckpoint(offer)}>
        {t('resume')}
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
  const { t } = useTranslation('train');
  if (!epochs?.length) return null;
  const pct = (v?: number) => (v === undefined ? '' : t('accuracyPart', { value: formatPercent(v) }));
  const memory = (e: EpochPoint) =>
    e.tensors === undefined
      ? ''
      : t('tensorsPart', { count: e.tensors }) +
        (e.tensorBytes === undefined ? '' : t('tensorBytesPart', { size: bytes(e.tensorBytes) }));
  return (
    <ol className="training-epochs" aria-label={t('epochs')}>
      {epochs.map((e) => (
        <li key={e.epoch}>
          {t('epochLog', {
            epoch: e.epoch,
            loss: e.loss.toFixed(4),
            valLoss: Number.isFinite(e.valLoss) ? e.valLoss.toFixed(4) : '—',
          })}
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
          {trainMessage(alert)}
        </p>
      )}
      {notice && <p className="training-notice">{trainMessage(notice)}</p>}
    </>
  );
}

/** The training panel: settings, Train / Pause / Resume / Stop, the chosen backend and live progress. */
export function TrainingPanel() {
  const projectId = useStudio(selectProjectId);
  const phase = useTrainingStatus(selectPhase);
  const { t } = useTranslation('train');
  useEffect(() => {
    void findOffer(projectId);
  }, [projectId]);
  return (
    <section className="training-panel" aria-label={t('region')}>
      <SettingsForm disabled={phase !== 'idle'} />
      <AgentSettings disabled={phase !== 'idle'} />
      <GameModelCheck otherwise={<DatasetModelCheck />} />
      <FixAndTrain />
      <Buttons />
      <Offer />
      <ProgressLine />
      <LiveCharts />
      <Messages />
      <BackendStatus />
      <EpochLog />
    </section>
  );
}
