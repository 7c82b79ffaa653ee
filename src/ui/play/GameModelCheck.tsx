import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { envSpec } from '../../envs';
import { useGraphInfo } from '../../state/graph-info';
import { useStudio } from '../../state/store';
import { agentChoice } from './agent-config';
import { checkGameModel } from './game-check';
import { gameWords } from './words';

const selectGraph = (s: ReturnType<typeof useStudio.getState>) => s.graph;
const selectTraining = (s: { training: unknown }) => s.training;

/**
 * The game–model check of an agent project: each mismatch in words with a one-click fix. A dataset project shows
 * `otherwise` instead (the dataset–model check), so the two never contradict each other.
 */
export function GameModelCheck({ otherwise = null }: { otherwise?: ReactNode }) {
  const graph = useStudio(selectGraph);
  const choice = agentChoice(useStudio(selectTraining));
  const info = useGraphInfo();
  const { t } = useTranslation('play');
  if (!choice) return otherwise;
  const spec = envSpec(choice.agent.env);
  const issues = checkGameModel(spec, graph, info, choice.algorithm);
  const words = gameWords(t, spec);
  if (!issues.length)
    return (
      <p className="data-check-ok" role="status">
        {t('fits')}
      </p>
    );
  return (
    <ul className="data-issues" aria-label={t('checkLabel')}>
      {issues.map((issue) => (
        <li key={issue.key}>
          <span>
            {t(issue.key, { ...issue.values, game: words.game, what: words.what, actions: words.actions })}
          </span>
          {issue.fix && (
            <button
              type="button"
              onClick={() => useStudio.getState().updateParams(issue.fix!.nodeId, issue.fix!.params)}
            >
              {t(issue.fix.key, issue.fix.values)}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
