import { useEffect, useRef, useState } from 'react';
import { CodeDialog } from './CodeDialog';
import { downloadGraphImage, downloadTfjsFiles, generateCode } from './export-actions';
import { type Note, NoteBox } from './Message';
import './export.css';

type CodeKind = 'keras' | 'typescript' | 'javascript';
type Choice = 'files' | 'keras' | 'tfjs' | 'png' | 'svg';

const CHOICES: { id: Choice; label: string }[] = [
  { id: 'files', label: 'TF.js model files' },
  { id: 'keras', label: 'Keras Python code' },
  { id: 'tfjs', label: 'TF.js code' },
  { id: 'png', label: 'Graph image (PNG)' },
  { id: 'svg', label: 'Graph image (SVG)' },
];

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

/** The "Export" button: model files, Keras or TF.js code (in a dialog), or a picture of the graph. */
export function ExportMenu() {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Note | null>(null);
  const [shown, setShown] = useState<Shown | null>(null);
  const root = useRef<HTMLDivElement>(null);
  useCloseOnOutsideClick(root, open, () => setOpen(false));

  const showCode = async (kind: CodeKind) => setShown({ kind, code: await generateCode(kind) });
  const run = async (choice: Choice) => {
    setOpen(false);
    setBusy(true);
    setMessage(null);
    try {
      if (choice === 'files') setMessage({ kind: 'info', text: await downloadTfjsFiles() });
      else if (choice === 'keras') await showCode('keras');
      else if (choice === 'tfjs') await showCode('typescript');
      else await downloadGraphImage(choice);
    } catch (e) {
      // CompileError messages already name the node and say what to change.
      setMessage({ kind: 'error', text: `Cannot export: ${e instanceof Error ? e.message : String(e)}` });
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
        {busy ? 'Exporting…' : 'Export'}
      </button>
      {open && (
        <div role="menu" aria-label="Export" className="export-menu__list">
          {CHOICES.map((c) => (
            <button
              key={c.id}
              type="button"
              role="menuitem"
              className="export-menu__item"
              onClick={() => run(c.id)}
            >
              {c.label}
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
  if (shown.kind === 'keras')
    return <CodeDialog title="Keras Python code" code={shown.code} fileName="model.py" onClose={onClose} />;
  const toolbar = (
    <fieldset className="code-dialog__lang">
      <legend className="visually-hidden">Language</legend>
      {(['typescript', 'javascript'] as const).map((lang) => (
        <label key={lang}>
          <input
            type="radio"
            name="tfjs-lang"
            checked={shown.kind === lang}
            onChange={() => onSwitch(lang)}
          />
          {lang === 'typescript' ? 'TypeScript' : 'JavaScript'}
        </label>
      ))}
    </fieldset>
  );
  const fileName = shown.kind === 'typescript' ? 'model.ts' : 'model.js';
  return (
    <CodeDialog
      title="TF.js code"
      code={shown.code}
      fileName={fileName}
      onClose={onClose}
      toolbar={toolbar}
    />
  );
}
