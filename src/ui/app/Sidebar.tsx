import { type ReactNode, useState } from 'react';
import { RunsPanel } from '../charts/RunsPanel';
import { DataPanel } from '../data/DataPanel';
import { EvaluatePanel } from '../evaluation/EvaluatePanel';
import { Inspector } from '../inspector/Inspector';
import { VersionsPanel } from '../publish';
import { ErrorBoundary } from './ErrorBoundary';
import { ModelSummary } from '../summary/ModelSummary';
import { TrainingPanel } from '../training/TrainingPanel';

interface Tab {
  id: string;
  label: string;
  render(): ReactNode;
}

const TABS: Tab[] = [
  { id: 'layer', label: 'Layer', render: () => <Inspector /> },
  { id: 'model', label: 'Model', render: () => <ModelSummary /> },
  { id: 'data', label: 'Data', render: () => <DataPanel /> },
  { id: 'train', label: 'Train', render: () => <TrainingPanel /> },
  { id: 'runs', label: 'Runs', render: () => <RunsPanel /> },
  { id: 'evaluate', label: 'Evaluate', render: () => <EvaluatePanel /> },
  { id: 'publish', label: 'Publish', render: () => <VersionsPanel /> },
];

/** The right-hand sidebar: one tab per panel. */
export function Sidebar() {
  const [active, setActive] = useState(TABS[0].id);
  // A panel stays mounted (hidden) once opened, so its work and state survive switching tabs.
  const [opened, setOpened] = useState<string[]>([TABS[0].id]);
  const open = (id: string) => {
    setActive(id);
    setOpened((o) => (o.includes(id) ? o : [...o, id]));
  };
  return (
    <aside className="sidebar" aria-label="Panels">
      <div role="tablist" className="tabs">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={t.id === active}
            aria-controls={`panel-${t.id}`}
            onClick={() => open(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {TABS.filter((t) => opened.includes(t.id)).map((t) => (
        <div
          key={t.id}
          role="tabpanel"
          id={`panel-${t.id}`}
          aria-labelledby={`tab-${t.id}`}
          className="sidebar__panel"
          hidden={t.id !== active}
        >
          <ErrorBoundary area={`${t.label} panel`}>{t.render()}</ErrorBoundary>
        </div>
      ))}
    </aside>
  );
}
