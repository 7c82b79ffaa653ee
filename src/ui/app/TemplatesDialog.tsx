import { useReactFlow } from '@xyflow/react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { translateOr } from '../../i18n';
import { isAgentTemplate, TEMPLATES, type TemplateSettings } from '../../graph';
import { autoLayout, preloadLayout } from '../../state/layout';
import { useStudio } from '../../state/store';
import { currentConfig } from '../training/training-status';
import { applyAgentRecipe } from '../play/agent-config';
import { applyRecommended } from '../training/first-run';
import { RecommendedLine } from '../training/RecommendedLine';
import { Dialog } from './Dialog';

/** A template's objective (VAE, GAN, autoencoder) becomes the project's; other templates train supervised. */
function applyObjective(objective: TemplateSettings['objective']): void {
  const s = useStudio.getState();
  const training = currentConfig(s.training);
  if ((training.objective ?? 'supervised') === (objective ?? 'supervised')) return;
  s.setTraining({ ...training, objective: objective ?? 'supervised' });
}

/** The templates gallery: opening one replaces the graph (one undo step). */
export function TemplatesDialog({ onClose }: { onClose(): void }) {
  const { fitView } = useReactFlow();
  const { t: tr } = useTranslation('app');
  const { t: tf } = useTranslation('firstrun');
  const [withData, setWithData] = useState(true);
  useEffect(preloadLayout, []);
  return (
    <Dialog title={tr('templates')} onClose={onClose}>
      <label className="templates-with-data">
        <input type="checkbox" checked={withData} onChange={(e) => setWithData(e.target.checked)} />{' '}
        {tf('withDataset')}
      </label>
      <ul className="cards">
        {TEMPLATES.map((t) => (
          <li key={t.id} className="card">
            <h3>{translateOr(`app:template.${t.id}.title`, t.title)}</h3>
            <p className="muted">{translateOr(`app:template.${t.id}.description`, t.description)}</p>
            <RecommendedLine template={t} />
            <button
              type="button"
              aria-label={tr('openTemplate', { title: translateOr(`app:template.${t.id}.title`, t.title) })}
              onClick={async () => {
                useStudio.getState().setGraph(await autoLayout(t.build()));
                applyObjective(t.recommended?.settings.objective);
                if (withData) applyRecommended(t, currentConfig(useStudio.getState().training));
                if (isAgentTemplate(t)) applyAgentRecipe(t.agent);
                onClose();
                requestAnimationFrame(() => void fitView({ maxZoom: 1, duration: 200 }));
              }}
            >
              {tr('open')}
            </button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
