import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n';
import { autoLayout } from '../../state/layout';
import { useStudio } from '../../state/store';
import { storeImportedWeights } from './export-actions';
import './export.css';
import { type Note, NoteBox } from './Message';

/** Reads the chosen files, turns model.json into a graph and keeps its weights; returns what to tell the person. */
async function importFiles(list: File[]): Promise<Note> {
  // The importer needs no tfjs; it is still loaded on demand to keep the first load small.
  const [{ importModelFiles }, { ImportError }] = await Promise.all([
    import('../../compile/import-files'),
    import('../../compile/errors'),
  ]);
  try {
    const files = await Promise.all(list.map(async (f) => ({ name: f.name, data: await f.arrayBuffer() })));
    const imported = importModelFiles(files);
    useStudio.getState().setGraph(await autoLayout(imported.graph));
    if (imported.weights) await storeImportedWeights(imported.modelTopology, imported.weights);
    const what = i18n.t(imported.weights ? 'export:withWeights' : 'export:withoutWeights');
    const n = imported.graph.nodes.length;
    return {
      kind: 'info',
      text: [i18n.t('export:imported', { name: imported.name, count: n, what }), ...imported.warnings].join(
        ' ',
      ),
    };
  } catch (e) {
    if (e instanceof ImportError) return { kind: 'error', text: e.message };
    return {
      kind: 'error',
      text: i18n.t('export:importFailed', { error: e instanceof Error ? e.message : String(e) }),
    };
  }
}

/** "Import model": choose a TF.js / Keras model.json with its .bin weight files to open it on the canvas. */
export function ImportModelButton() {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [result, setNote] = useState<Note | null>(null);
  const { t } = useTranslation('export');
  return (
    <div className="import-model">
      <button type="button" disabled={busy} onClick={() => input.current?.click()}>
        {busy ? t('importing') : t('importModel')}
      </button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        accept=".json,.bin,application/json,application/octet-stream"
        aria-label={t('modelFiles')}
        onChange={async (e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = '';
          if (files.length === 0) return;
          setBusy(true);
          setNote(await importFiles(files));
          setBusy(false);
        }}
      />
      {result && <NoteBox note={result} onDismiss={() => setNote(null)} />}
    </div>
  );
}
