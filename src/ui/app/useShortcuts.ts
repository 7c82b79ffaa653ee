import { useEffect } from 'react';
import { redo, undo, useStudio } from '../../state/store';

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/** Keyboard: Ctrl/Cmd+Z undo, Ctrl/Cmd+Shift+Z or Ctrl+Y redo, Ctrl/Cmd+C/V copy-paste, Ctrl/Cmd+D duplicate. */
export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || typing(e.target)) return;
      const k = e.key.toLowerCase();
      const s = useStudio.getState();
      const actions: Record<string, () => void> = {
        z: e.shiftKey ? redo : undo,
        y: redo,
        c: s.copy,
        v: s.paste,
        d: s.duplicate,
      };
      const act = actions[k];
      if (!act) return;
      e.preventDefault();
      act();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
