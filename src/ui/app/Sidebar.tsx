import { type ReactNode, useState } from 'react';
import { DataPanel } from '../data/DataPanel';
import { Inspector } from '../inspector/Inspector';
import { ModelSummary } from '../summary/ModelSummary';

interface Tab {
  id: string;
  label: string;
  render(): ReactNode;
}

const TABS: Tab[] = [
  { id: 'layer', label: 'Layer', render: () => <Inspector /> },
  { id: 'model', label: 'Model', render: () => <ModelSummary /> },
  { id: 'data', label: 'Data', render: () => <DataPanel /> },
];

/** The right-hand sidebar: one tab per panel. */
export function Sidebar() {
  const [active, setActive] = useState(TABS[0].id);
  const tab = TABS.find((t) => t.id === active) ?? TABS[0];
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
            onClick={() => setActive(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`panel-${tab.id}`}
        aria-labelledby={`tab-${tab.id}`}
        className="sidebar__panel"
      >
        {tab.render()}
      </div>
    </aside>
  );
}
