import { lazy, type ReactNode, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Inspector } from '../inspector/Inspector';
import { ErrorBoundary } from './ErrorBoundary';
import { ModelSummary } from '../summary/ModelSummary';
import { TrainingPanel } from '../training/TrainingPanel';

// Panels a person has not opened yet load when first opened: their charts (recharts), archives and clients stay
// out of the first load. The layer, model and train panels come with the shell.
const RunsPanel = lazy(() => import('../charts/RunsPanel').then((m) => ({ default: m.RunsPanel })));
const DataPanel = lazy(() => import('../data/DataPanel').then((m) => ({ default: m.DataPanel })));
const EvaluatePanel = lazy(() =>
  import('../evaluation/EvaluatePanel').then((m) => ({ default: m.EvaluatePanel })),
);
const GeneratePanel = lazy(() =>
  import('../generate/GeneratePanel').then((m) => ({ default: m.GeneratePanel })),
);
const PlayPanel = lazy(() => import('../play/PlayPanel').then((m) => ({ default: m.PlayPanel })));
const VersionsPanel = lazy(() =>
  import('../publish/VersionsPanel').then((m) => ({ default: m.VersionsPanel })),
);

interface Tab {
  id: 'layer' | 'model' | 'data' | 'train' | 'runs' | 'evaluate' | 'generate' | 'play' | 'publish';
  render(): ReactNode;
}

const TABS: Tab[] = [
  { id: 'layer', render: () => <Inspector /> },
  { id: 'model', render: () => <ModelSummary /> },
  { id: 'data', render: () => <DataPanel /> },
  { id: 'train', render: () => <TrainingPanel /> },
  { id: 'runs', render: () => <RunsPanel /> },
  { id: 'evaluate', render: () => <EvaluatePanel /> },
  { id: 'generate', render: () => <GeneratePanel /> },
  { id: 'play', render: () => <PlayPanel /> },
  { id: 'publish', render: () => <VersionsPanel /> },
];

/** The right-hand sidebar: one tab per panel. */
export function Sidebar() {
  const { t: tr } = useTranslation('app');
  const [active, setActive] = useState<string>(TABS[0].id);
  // A panel stays mounted (hidden) once opened, so its work and state survive switching tabs.
  const [opened, setOpened] = useState<string[]>([TABS[0].id]);
  const open = (id: string) => {
    setActive(id);
    setOpened((o) => (o.includes(id) ? o : [...o, id]));
  };
  return (
    <aside className="sidebar" aria-label={tr('panels')}>
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
            {tr(`tabs.${t.id}`)}
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
          <ErrorBoundary area={tr('areas.panel', { name: tr(`tabs.${t.id}`) })}>
            <Suspense fallback={null}>{t.render()}</Suspense>
          </ErrorBoundary>
        </div>
      ))}
    </aside>
  );
}
