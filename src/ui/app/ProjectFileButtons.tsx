import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportProjectText, importProjectText } from '../../state/projects';
import { useStudio } from '../../state/store';

/** Downloads text as a file. */
export function download(name: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** "Save project file" and "Open project file": the project as a versioned .json document. */
export function ProjectFileButtons() {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const { t } = useTranslation('app');
  return (
    <>
      <button
        type="button"
        onClick={() => {
          const name = useStudio.getState().projectName.replace(/[^\w.-]+/g, '-') || 'project';
          download(`${name}.model-studio.json`, exportProjectText(), 'application/json');
        }}
      >
        {t('saveProjectFile')}
      </button>
      <button type="button" disabled={busy} onClick={() => input.current?.click()}>
        {t('openProjectFile')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        aria-label={t('projectFile')}
        onChange={async (e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          setBusy(true);
          const error = await importProjectText(await file.text()).catch((err) =>
            t('openFailed', { error: String(err) }),
          );
          setBusy(false);
          useStudio
            .getState()
            .notify(
              error
                ? { kind: 'error', text: error }
                : { kind: 'info', text: t('opened', { name: file.name }) },
            );
        }}
      />
    </>
  );
}
