import './data.css';
import './idb-files';
import { useState } from 'react';
import type { BuiltinId, CsvInspection, DatasetConfig, LoadedDataset, Progress } from '../../data';
import { builtinInfo, CancelledError, DataError, inspectCsv, readUploadedFile } from '../../data';
import { useStudio } from '../../state/store';
import { Dialog } from '../app/Dialog';
import { AugmentEditor } from './AugmentEditor';
import { DatasetModelCheck } from './DatasetModelCheck';
import { DatasetPicker, type UploadMode, UploadZone } from './DatasetPicker';
import { Preview } from './Preview';
import { builtinConfig, SourceEditor } from './SourceEditor';
import { SplitEditor } from './SplitEditor';
import { Summary } from './Summary';
import { type Candidate, candidateFromCsv, candidateFromImages } from './uploads';
import { loadKey, useDatasetLoad } from './useDatasetLoad';

const selectDataset = (s: { dataset: unknown }) => s.dataset as DatasetConfig | null;
const selectProjectId = (s: { projectId: string | null }) => s.projectId;

type Reading =
  | { status: 'idle' }
  | { status: 'reading'; progress: Progress; cancel(): void }
  | { status: 'error'; message: string };

/** Inspections of uploaded CSVs by file key, so the column editor keeps its statistics. */
const inspections = new Map<string, CsvInspection>();

/** A short name for a dataset config. */
function configName(c: DatasetConfig | null): string {
  if (!c) return 'none';
  return c.source.kind === 'builtin' ? builtinInfo(c.source.id).name : c.source.fileName;
}

function messageOf(e: unknown): string {
  return e instanceof DataError || e instanceof CancelledError
    ? e.message
    : `Reading the file failed: ${String(e)}`;
}

/** The data panel: choose or upload a dataset, set it up, preview it, and check it against the model. */
export function DataPanel() {
  const active = useStudio(selectDataset);
  const projectId = useStudio(selectProjectId);
  const [candidate, setCandidate] = useState<Candidate | null>(null);
  const [mode, setMode] = useState<UploadMode | null>(null);
  const [reading, setReading] = useState<Reading>({ status: 'idle' });
  const [ready, setReady] = useState<LoadedDataset | null>(null);
  const shown = candidate?.config ?? active;

  const onLoaded = (ds: LoadedDataset) => {
    setReady(ds);
    const augment = shown?.augment ?? null;
    if (candidate && loadKey(candidate.config) === loadKey(ds.config)) {
      useStudio.getState().setDataset({ ...ds.config, augment });
      setCandidate(null);
      setMode(null);
    } else if (
      active &&
      loadKey(active) === loadKey(ds.config) &&
      JSON.stringify(active.fitted) !== JSON.stringify(ds.config.fitted)
    ) {
      useStudio.getState().setDataset({ ...ds.config, augment: active.augment });
    }
  };
  const load = useDatasetLoad(shown, onLoaded);

  const read = async (work: (p: (x: Progress) => void, signal: AbortSignal) => Promise<Candidate>) => {
    const controller = new AbortController();
    const cancel = () => controller.abort();
    setReading({ status: 'reading', progress: { phase: 'Reading', fraction: 0 }, cancel });
    try {
      const c = await work(
        (progress) => setReading({ status: 'reading', progress, cancel }),
        controller.signal,
      );
      if (c.inspection && c.config.source.kind === 'csv')
        inspections.set(c.config.source.fileKey, c.inspection);
      setReading({ status: 'idle' });
      setCandidate(c);
    } catch (e) {
      setReading({ status: 'error', message: messageOf(e) });
    }
  };

  const edit = (config: DatasetConfig) => {
    const before = shown?.source;
    const after = config.source;
    if (
      before?.kind === 'csv' &&
      after.kind === 'csv' &&
      (before.csv.delimiter !== after.csv.delimiter || before.csv.hasHeader !== after.csv.hasHeader)
    ) {
      const { delimiter, hasHeader } = after.csv;
      void read(async (onProgress, signal) => {
        const blob = await readUploadedFile(after.fileKey, after.fileName);
        const inspection = await inspectCsv(
          blob,
          after.fileKey,
          { delimiter, hasHeader },
          onProgress,
          signal,
        );
        return {
          config: { ...config, source: { ...after, csv: { ...inspection.defaults, delimiter, hasHeader } } },
          inspection,
        };
      });
      return;
    }
    setReading({ status: 'idle' });
    setCandidate({ config, inspection: candidate?.inspection });
  };

  const chooseBuiltin = (id: BuiltinId) => {
    setMode(null);
    setReading({ status: 'idle' });
    const same = active?.source.kind === 'builtin' && active.source.id === id;
    setCandidate(same ? null : { config: builtinConfig(id) });
  };

  const setAugment = (augment: DatasetConfig['augment']) => {
    if (candidate) setCandidate({ ...candidate, config: { ...candidate.config, augment } });
    else if (active) useStudio.getState().setDataset({ ...active, augment });
  };

  const failed = load.status === 'error' ? load.message : reading.status === 'error' ? reading.message : null;
  const pending = candidate !== null || failed !== null;
  const preview = load.status === 'ready' ? load.dataset : ready;
  const fixedSplit = shown?.source.kind === 'builtin' && builtinInfo(shown.source.id).fixedSplit;
  const inspection =
    shown?.source.kind === 'csv'
      ? (candidate?.inspection ?? inspections.get(shown.source.fileKey))
      : undefined;

  return (
    <section className="data-panel" aria-label="Data">
      <DatasetPicker shown={shown} mode={mode} onBuiltin={chooseBuiltin} onMode={setMode} />
      {shown?.source.kind === 'builtin' && !mode && (
        <p className="muted small">{builtinInfo(shown.source.id).description}</p>
      )}
      {mode && (
        <UploadZone
          mode={mode}
          busy={reading.status === 'reading'}
          onCsv={(file) => void read((p, s) => candidateFromCsv(file, projectId, p, s))}
          onImages={(blob, name) => void read(() => candidateFromImages(blob, name, projectId))}
        />
      )}
      {reading.status === 'reading' && <ProgressBar progress={reading.progress} onCancel={reading.cancel} />}
      {load.status === 'loading' && <ProgressBar progress={load.progress} onCancel={load.cancel} />}
      {failed && (
        <div className="data-alert" role="alert">
          {failed}
        </div>
      )}
      {pending && active && (
        <p className="data-current">
          Current dataset: <strong>{configName(active)}</strong>
          {candidate && (
            <button type="button" onClick={() => setCandidate(null)}>
              Discard changes
            </button>
          )}
        </p>
      )}
      <DatasetModelCheck />
      {preview && <DatasetView ds={preview} augment={shown?.augment ?? null} onAugment={setAugment} />}
      {shown && (
        <details className="data-settings" open>
          <summary>Settings</summary>
          <SourceEditor config={shown} inspection={inspection} onChange={edit} />
          <SplitEditor
            split={shown.split}
            fixed={fixedSplit}
            onChange={(split) => edit({ ...shown, split })}
          />
        </details>
      )}
    </section>
  );
}

function LargePreview({ ds }: { ds: LoadedDataset }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="data-more" onClick={() => setOpen(true)}>
        Open larger preview
      </button>
      {open && (
        <Dialog title={`Preview: ${ds.name}`} onClose={() => setOpen(false)}>
          <Preview ds={ds} large />
        </Dialog>
      )}
    </>
  );
}

function DatasetView({
  ds,
  augment,
  onAugment,
}: {
  ds: LoadedDataset;
  augment: DatasetConfig['augment'];
  onAugment(a: DatasetConfig['augment']): void;
}) {
  return (
    <>
      <h3 className="data-heading">{ds.name}</h3>
      <Summary ds={ds} />
      <h3 className="data-heading">Preview</h3>
      <Preview ds={ds} />
      <LargePreview ds={ds} />
      {ds.format.kind === 'image' && <AugmentEditor ds={ds} value={augment} onChange={onAugment} />}
      {ds.warnings.length > 0 && (
        <ul className="data-warnings" aria-label="Notes about the data">
          {ds.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </>
  );
}

function ProgressBar({ progress, onCancel }: { progress: Progress; onCancel(): void }) {
  const pct = Math.round(progress.fraction * 100);
  return (
    <div className="data-progress">
      <progress value={progress.fraction} max={1} aria-label={`${progress.phase}: ${pct} %`} />
      <span className="small">
        {progress.phase} {pct} %
      </span>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
