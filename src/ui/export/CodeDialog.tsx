import { useState } from 'react';
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
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopied('Copied to the clipboard.');
    } catch {
      // Clipboard access needs a secure context and permission; say so rather than fail silently.
      setCopied('The browser refused clipboard access: select the code and copy it by hand.');
    }
  };
  return (
    <Dialog title={title} onClose={onClose}>
      <div className="code-dialog__bar">
        {toolbar}
        <span className="code-dialog__spacer" />
        <output className="code-dialog__status">{copied}</output>
        <button type="button" onClick={copy}>
          Copy
        </button>
        <button type="button" onClick={() => downloadFile(fileName, code, 'text/plain')}>
          Download
        </button>
      </div>
      <pre className="code-dialog__code">
        <code>{code}</code>
      </pre>
    </Dialog>
  );
}
