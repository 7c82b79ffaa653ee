import { useTranslation } from 'react-i18next';
import { envSpec } from '../../envs';
import { useStudio } from '../../state/store';
import { agentChoice, chooseGame } from './agent-config';
import { GameSelect } from './GameSelect';
import { gameWords } from './words';

const selectTraining = (s: { training: unknown }) => s.training;

/** In the Data tab: a game instead of a dataset (an agent project's "data"), with its observation / actions. */
export function GameDataChoice() {
  const { t } = useTranslation('play');
  const choice = agentChoice(useStudio(selectTraining));
  const spec = choice ? envSpec(choice.agent.env) : null;
  return (
    <div className="play-data-choice">
      <GameSelect value={choice?.agent.env ?? null} onChange={chooseGame} />
      {spec && (
        <p className="muted small">
          {t('dataNote', { game: t(`games.${spec.id}`) })} {t('contract', gameWords(t, spec))}
        </p>
      )}
    </div>
  );
}
