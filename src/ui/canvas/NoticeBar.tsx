import { useStudio } from '../../state/store';

/** Shows a refused edit (or other notice) over the canvas, with its one-click fix. */
export function NoticeBar() {
  const notice = useStudio((s) => s.notice);
  if (!notice) return null;
  return (
    <div className={`notice notice--${notice.kind}`} role="alert">
      <span>{notice.text}</span>
      {notice.fix && (
        <button
          type="button"
          onClick={() => {
            notice.fix!.apply();
          }}
        >
          {notice.fix.label}
        </button>
      )}
      <button type="button" aria-label="Dismiss message" onClick={() => useStudio.getState().notify(null)}>
        ×
      </button>
    </div>
  );
}
