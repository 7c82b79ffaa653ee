import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../app/Dialog';
import { downloadFile } from './graph-image';

interface Props {
  title: string;
  code: string;
  fileName: string;
  onClose(): void;
  /** Optional controls above the code (e.g. a language switch). */
  toolbar?: React.ReactNode;
}

/** Shows generated code with "Copy" and "Download" buttons. */
export function CodeDialog({ title, code, fileName, onClose, toolbar }: Props) {
  const [copied, setCopied] = useState<string | null>(null);
  const { t } = useTranslation('export');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopied(t('copied'));
    } catch {
      // Clipboard access needs a secure context and permission; say so rather than fail silently.
      setCopied(t('clipboardRefused'));
    }
  };
  return (
    <Dialog title={title} onClose={onClose}>
      <div className="code-dialog__bar">
        {toolbar}
        <span className="code-dialog__spacer" />
        <output className="code-dialog__status">{copied}</output>
        <button type="button" onClick={copy}>
          {t('copy')}
        </button>
        <button type="button" onClick={() => downloadFile(fileName, code, 'text/plain')}>
          {t('download')}
        </button>
      </div>
      <pre className="code-dialog__code">
        <code>{code}</code>
      </pre>
    </Dialog>
  );
}
