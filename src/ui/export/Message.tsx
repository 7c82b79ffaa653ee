import { useTranslation } from 'react-i18next';

/** A result shown under the button that caused it: an alert for a failure, a status line otherwise. */
export interface Note {
  kind: 'error' | 'info';
  text: string;
}

/** The note with a dismiss button; role="alert" makes a failure announced where the person is looking. */
export function NoteBox({ note, onDismiss }: { note: Note; onDismiss(): void }) {
  const { t } = useTranslation('export');
  return (
    <div
      className={`export-menu__msg export-menu__msg--${note.kind}`}
      role={note.kind === 'error' ? 'alert' : 'status'}
    >
      <span>{note.text}</span>
      <button type="button" className="export-menu__dismiss" aria-label={t('dismiss')} onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
