import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnyLayerSpec, Category } from '../../graph';
import { ALL_LAYERS, CATEGORIES } from '../../graph';
import { useStudio } from '../../state/store';
import { layerDescription } from '../graph-text';

export const LAYER_MIME = 'application/x-model-studio-layer';

/** The layer palette: grouped by category, searchable; drag a button onto the canvas or click / Enter to add. */
export function Palette() {
  const [query, setQuery] = useState('');
  const { t } = useTranslation('palette');
  const groups = useMemo(() => groupByCategory(ALL_LAYERS, query), [query]);
  return (
    <nav className="palette" aria-label={t('region')}>
      <input
        className="palette__search"
        type="search"
        placeholder={t('searchPlaceholder')}
        aria-label={t('search')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {groups.length === 0 && <p className="muted">{t('noMatch', { query })}</p>}
      {groups.map(([cat, specs]) => (
        <section key={cat} className="palette__group">
          <h3>{t(`category.${cat}`)}</h3>
          <div className="palette__items">
            {specs.map((s) => (
              <button
                key={s.type}
                type="button"
                className="palette__item"
                draggable
                title={layerDescription(s.type, s.description)}
                onDragStart={(e) => {
                  e.dataTransfer.setData(LAYER_MIME, s.type);
                  e.dataTransfer.effectAllowed = 'copy';
                }}
                onClick={() => useStudio.getState().addLayer(s.type)}
              >
                {s.type}
              </button>
            ))}
          </div>
        </section>
      ))}
    </nav>
  );
}

function groupByCategory(specs: readonly AnyLayerSpec[], query: string): [Category, AnyLayerSpec[]][] {
  const q = query.trim().toLowerCase();
  const match = (s: AnyLayerSpec) =>
    !q ||
    s.type.toLowerCase().includes(q) ||
    s.description.toLowerCase().includes(q) ||
    s.category.toLowerCase().includes(q);
  return CATEGORIES.map(
    (c) => [c, specs.filter((s) => s.category === c && match(s))] as [Category, AnyLayerSpec[]],
  ).filter(([, list]) => list.length > 0);
}
