import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CodeDialog } from './CodeDialog';
import { downloadGraphImage, downloadTfjsFiles, generateCode } from './export-actions';
import { type Note, NoteBox } from './Message';
import { downloadTrainingBundle } from './training-export';
import './export.css';

type CodeKind = 'keras' | 'typescript' | 'javascript';
/** Programming languages' own names, the same in every UI language. */
const LANGUAGE_NAMES = { typescript: 'TypeScript', javascript: 'JavaScript' } as const;

type Choice = 'files' | 'keras' | 'training' | 'tfjs' | 'png' | 'svg';

const CHOICES: Choice[] = ['files', 'keras', 'training', 'tfjs', 'png', 'svg'];

interface Shown {
  kind: CodeKind;
  code: string;
}

/** Closes a popup when the person clicks anywhere outside it. */
function useCloseOnOutsideClick(root: React.RefObject<HTMLElement | null>, open: boolean, close: () => void) {
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) close();
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [root, open, close]);
}

/**
 * The "Export" button: model files, Keras or TF.js code (in a dialog), a Keras training script with the data
 * (a zip), or a picture of the graph.
 */
export function ExportMenu() {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Note | null>(null);
  const [shown, setShown] = useState<Shown | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const { t } = useTranslation('export');
  useCloseOnOutsideClick(root, open, () => setOpen(false));

  const showCode = async (kind: CodeKind) => setShown({ kind, code: await generateCode(kind) });
  const run = async (choice: Choice) => {
    setOpen(false);
    setBusy(true);
    setMessage(null);
    try {
      if (choice === 'files') setMessage({ kind: 'info', text: await downloadTfjsFiles() });
      else if (choice === 'keras') await showCode('keras');
      else if (choice === 'training') setMessage({ kind: 'info', text: await downloadTrainingBundle() });
      else if (choice === 'tfjs') await showCode('typescript');
      else await downloadGraphImage(choice);
    } catch (e) {
      // CompileError messages already name the node and say what to change.
      setMessage({
        kind: 'error',
        text: t('cannotExport', { error: e instanceof Error ? e.message : String(e) }),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="export-menu" ref={root}>
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={busy}
        onClick={() => setOpen(!open)}
      >
        {busy ? t('exporting') : t('export')}
      </button>
      {open && (
        <div role="menu" aria-label={t('export')} className="export-menu__list">
          {CHOICES.map((c) => (
            <button
              key={c}
              type="button"
              role="menuitem"
              className="export-menu__item"
              onClick={() => run(c)}
            >
              {t(`choices.${c}`)}
            </button>
          ))}
        </div>
      )}
      {message && <NoteBox note={message} onDismiss={() => setMessage(null)} />}
      {shown && <ShownCode shown={shown} onSwitch={showCode} onClose={() => setShown(null)} />}
    </div>
  );
}

function ShownCode({
  shown,
  onSwitch,
  onClose,
}: {
  shown: Shown;
  onSwitch(kind: CodeKind): void;
  onClose(): void;
}) {
  const { t } = useTranslation('export');
  if (shown.kind === 'keras')
    return <CodeDialog title={t('kerasCode')} code={shown.code} fileName="model.py" onClose={onClose} />;
  const toolbar = (
    <fieldset className="code-dialog__lang">
      <legend className="visually-hidden">{t('language')}</legend>
      {(['typescript', 'javascript'] as const).map((lang) => (
        <label key={lang}>
          <input
            type="radio"
            name="tfjs-lang"
            checked={shown.kind === lang}
            onChange={() => onSwitch(lang)}
          />
          {lang === 'typescript' ? LANGUAGE_NAMES.typescript : LANGUAGE_NAMES.javascript}
        </label>
      ))}
    </fieldset>
  );
  const fileName = shown.kind === 'typescript' ? 'model.ts' : 'model.js';
  return (
    <CodeDialog
      title={t('tfjsCode')}
      code={shown.code}
      fileName={fileName}
      onClose={onClose}
      toolbar={toolbar}
    />
  );
}
