import { useTranslation } from 'react-i18next';
import { useStudio } from '../../state/store';
import { fixLabel, shapeMessage } from '../graph-text';

/** Shows a refused edit (or other notice) over the canvas, with its one-click fix. */
export function NoticeBar() {
  const notice = useStudio((s) => s.notice);
  const { t } = useTranslation('canvas');
  if (!notice) return null;
  return (
    <div className={`notice notice--${notice.kind}`} role="alert">
      <span>{shapeMessage(notice.text, notice.detail, notice.fix?.edit)}</span>
      {notice.fix && (
        <button
          type="button"
          onClick={() => {
            notice.fix!.apply();
          }}
        >
          {notice.fix.edit ? fixLabel(notice.fix.edit) : notice.fix.label}
        </button>
      )}
      <button type="button" aria-label={t('dismiss')} onClick={() => useStudio.getState().notify(null)}>
        ×
      </button>
    </div>
  );
}
