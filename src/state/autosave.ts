import { create } from 'zustand';
import { saveNow } from './projects';
import { useStudio } from './store';

/** Whether the open project's latest change is in IndexedDB. */
export const useSaveStatus = create<{ status: 'saved' | 'saving' | 'error'; error?: string }>(() => ({
  status: 'saved',
}));

const DELAY_MS = 300;
/** Live training changes `runs` ~10×/s; a save still happens at least this often. */
const MAX_WAIT_MS = 2000;

/** Saves the project shortly after every change and immediately when the page is hidden. Returns a stop function. */
export function startAutosave(): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let firstPending: number | null = null;
  const flush = async () => {
    if (timer) clearTimeout(timer);
    timer = null;
    firstPending = null;
    try {
      await saveNow();
      // A change made while this save ran has its own save pending: the project is not saved yet.
      if (!timer) useSaveStatus.setState({ status: 'saved', error: undefined });
    } catch (e) {
      useSaveStatus.setState({
        status: 'error',
        error: `Could not save to this browser's storage: ${String(e)}`,
      });
    }
  };
  const unsub = useStudio.subscribe((s, prev) => {
    if (s.projectId === null) return;
    const changed =
      s.graph !== prev.graph ||
      s.projectName !== prev.projectName ||
      s.dataset !== prev.dataset ||
      s.training !== prev.training ||
      s.runs !== prev.runs;
    if (!changed || s.projectId !== prev.projectId) return;
    useSaveStatus.setState({ status: 'saving' });
    const now = Date.now();
    firstPending ??= now;
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, Math.max(0, Math.min(DELAY_MS, firstPending + MAX_WAIT_MS - now)));
  });
  const onHide = () => {
    if (timer) void flush();
  };
  document.addEventListener('visibilitychange', onHide);
  window.addEventListener('pagehide', onHide);
  return () => {
    unsub();
    document.removeEventListener('visibilitychange', onHide);
    window.removeEventListener('pagehide', onHide);
  };
}
