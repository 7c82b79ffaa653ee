import { useReactFlow } from '@xyflow/react';
import { TEMPLATES } from '../../graph';
import { autoLayout } from '../../state/layout';
import { useStudio } from '../../state/store';
import { Dialog } from './Dialog';

/** The templates gallery: opening one replaces the graph (one undo step). */
export function TemplatesDialog({ onClose }: { onClose(): void }) {
  const { fitView } = useReactFlow();
  return (
    <Dialog title="Templates" onClose={onClose}>
      <ul className="cards">
        {TEMPLATES.map((t) => (
          <li key={t.id} className="card">
            <h3>{t.title}</h3>
            <p className="muted">{t.description}</p>
            <button
              type="button"
              aria-label={`Open template ${t.title}`}
              onClick={() => {
                useStudio.getState().setGraph(autoLayout(t.build()));
                onClose();
                requestAnimationFrame(() => void fitView({ maxZoom: 1, duration: 200 }));
              }}
            >
              Open
            </button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
