import { useState } from 'react';
import type { BuiltinId, CsvInspection, DatasetConfig, LoadedDataset, Progress } from '../../data';
import { asDatasetConfig, CancelledError, DataError, inspectCsv, readUploadedFile } from '../../data';
import { i18n } from '../../i18n';
import { useStudio } from '../../state/store';
import { dataErrorText } from './data-error-text';
import type { UploadMode } from './DatasetPicker';
import { builtinConfig } from './SourceEditor';
import type { Candidate } from './uploads';
import { cancelledMessage, type LoadState, loadKey, useDatasetLoad } from './useDatasetLoad';

/** Reading an uploaded file before it becomes a candidate. */
export type Reading =
  | { status: 'idle' }
  | { status: 'reading'; progress: Progress; cancel(): void }
  | { status: 'error'; message: string };

type Work = (onProgress: (p: Progress) => void, signal: AbortSignal) => Promise<Candidate>;

const selectDataset = (s: { dataset: unknown }) => asDatasetConfig(s.dataset);
const selectProjectId = (s: { projectId: string | null }) => s.projectId;
const IDLE: Reading = { status: 'idle' };

/** Inspections of uploaded CSVs by file key, so the column editor keeps its statistics. */
const inspections = new Map<string, CsvInspection>();

/** The panel's state: the active dataset (in the store), a candidate being set up, and loading. */
export interface PanelState {
  active: DatasetConfig | null;
  shown: DatasetConfig | null;
  candidate: Candidate | null;
  mode: UploadMode | null;
  reading: Reading;
  load: LoadState;
  ready: LoadedDataset | null;
  projectId: string | null;
  inspection?: CsvInspection;
  setMode(mode: UploadMode | null): void;
  setCandidate(c: Candidate | null): void;
  setReading(r: Reading): void;
}

/**
 * Holds what the person is setting up. A candidate replaces the active dataset only once it has loaded
 * without error; until then the active dataset stays, in the store and in the preview.
 */
export function useDataPanel(): PanelState {
  const active = useStudio(selectDataset);
  const projectId = useStudio(selectProjectId);
  const [candidate, setCandidate] = useState<Candidate | null>(null);
  const [mode, setMode] = useState<UploadMode | null>(null);
  const [reading, setReading] = useState<Reading>(IDLE);
  const [ready, setReady] = useState<LoadedDataset | null>(null);
  const shown = candidate?.config ?? active;
  const load = useDatasetLoad(shown, (ds) => {
    setReady(ds);
    if (commitLoaded(ds, candidate, active)) {
      setCandidate(null);
      setMode(null);
    }
  });
  const source = shown?.source;
  const inspection =
    source?.kind === 'csv' ? (candidate?.inspection ?? inspections.get(source.fileKey)) : undefined;
  return {
    active,
    shown,
    candidate,
    mode,
    reading,
    load,
    ready,
    projectId,
    inspection,
    setMode,
    setCandidate,
    setReading,
  };
}

/** Saves a successful load to the store; true when it was the candidate's (which is now the active dataset). */
function commitLoaded(ds: LoadedDataset, candidate: Candidate | null, active: DatasetConfig | null): boolean {
  const { setDataset } = useStudio.getState();
  if (candidate && loadKey(candidate.config) === loadKey(ds.config)) {
    setDataset({ ...ds.config, augment: candidate.config.augment });
    return true;
  }
  const refitted = JSON.stringify(active?.fitted) !== JSON.stringify(ds.config.fitted);
  if (active && loadKey(active) === loadKey(ds.config) && refitted)
    setDataset({ ...ds.config, augment: active.augment });
  return false;
}

function messageOf(e: unknown): string {
  if (e instanceof CancelledError) return cancelledMessage();
  return e instanceof DataError ? dataErrorText(e) : i18n.t('data:readingFailed', { error: String(e) });
}

/** Runs an upload step with progress and cancel; its result becomes the candidate, its error the message. */
export async function readCandidate(p: PanelState, work: Work): Promise<void> {
  const controller = new AbortController();
  const cancel = () => controller.abort();
  p.setReading({ status: 'reading', progress: { phase: 'Reading', fraction: 0 }, cancel });
  try {
    const c = await work(
      (progress) => !controller.signal.aborted && p.setReading({ status: 'reading', progress, cancel }),
      controller.signal,
    );
    // Cancel pressed after the worker finished (while the file was being stored) still cancels.
    if (controller.signal.aborted) throw new CancelledError();
    if (c.inspection && c.config.source.kind === 'csv')
      inspections.set(c.config.source.fileKey, c.inspection);
    p.setReading(IDLE);
    p.setCandidate(c);
  } catch (e) {
    p.setReading({ status: 'error', message: messageOf(e) });
  }
}

/** Applies an edit of the shown config; a new delimiter or header choice reads the file again. */
export function editConfig(p: PanelState, config: DatasetConfig): void {
  const before = p.shown?.source;
  const after = config.source;
  const csvRead =
    before?.kind === 'csv' &&
    after.kind === 'csv' &&
    (before.csv.delimiter !== after.csv.delimiter || before.csv.hasHeader !== after.csv.hasHeader);
  if (!csvRead || after.kind !== 'csv') {
    p.setReading(IDLE);
    p.setCandidate({ config, inspection: p.candidate?.inspection });
    return;
  }
  const { delimiter, hasHeader } = after.csv;
  void readCandidate(p, async (onProgress, signal) => {
    const blob = await readUploadedFile(after.fileKey, after.fileName);
    const inspection = await inspectCsv(blob, after.fileKey, { delimiter, hasHeader }, onProgress, signal);
    const csv = { ...inspection.defaults, delimiter, hasHeader };
    return { config: { ...config, source: { ...after, csv } }, inspection };
  });
}

/** Picks a built-in dataset (a candidate until it has loaded). */
export function chooseBuiltin(p: PanelState, id: BuiltinId): void {
  p.setMode(null);
  p.setReading(IDLE);
  const same = p.active?.source.kind === 'builtin' && p.active.source.id === id;
  p.setCandidate(same ? null : { config: builtinConfig(id) });
}

/** Changes augmentation; it does not change the arrays, so the active dataset is updated at once. */
export function setAugment(p: PanelState, augment: DatasetConfig['augment']): void {
  if (p.candidate) p.setCandidate({ ...p.candidate, config: { ...p.candidate.config, augment } });
  else if (p.active) useStudio.getState().setDataset({ ...p.active, augment });
}
