import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type EnvId, envSpec } from '../../envs';
import { useStudio } from '../../state/store';
import type { RunRecord } from '../../train/types';
import { LossChart } from '../charts/LossChart';
import { useTrainingStatus } from '../training/training-status';
import { agentChoice, chooseGame } from './agent-config';
import { AgentEvaluation } from './AgentEvaluation';
import { GameModelCheck } from './GameModelCheck';
import { GamePlayer } from './GamePlayer';
import { GameSelect } from './GameSelect';
import { gameWords } from './words';
import { useEpisodes } from './play-store';
import { useRecording } from './policy';
import { LengthChart, ReturnChart } from './ReturnCharts';
import { gameLoopSnippet } from './snippet';
import './play.css';

const selectTraining = (s: { training: unknown }) => s.training;
const selectRunId = (s: { runId: string | null }) => s.runId;
const selectEpisodeCount = (s: { returns: number[] }) => s.returns.length;
const selectProjectName = (s: { projectName?: string }) => s.projectName;

/** The live average of the current run's last 100 episodes (from its latest batch), null before any. */
function useAverageReturn(): number | null {
  const runId = useTrainingStatus(selectRunId);
  return useStudio((s) => {
    const run = (s.runs as RunRecord[]).find((r) => r.id === runId);
    const v = run?.batches.at(-1)?.series?.averageReturn;
    return v === undefined ? null : v;
  });
}

/** The current run's loss (policy gradient or TD error; linear scale: a policy loss can be negative). */
function RunLoss() {
  const runId = useTrainingStatus(selectRunId);
  const run = useStudio((s) => (s.runs as RunRecord[]).find((r) => r.id === runId));
  // The episode numbers have their own charts above: this one keeps to the loss.
  const lossOnly = useMemo(
    () =>
      run && {
        ...run,
        batches: run.batches.map(({ series: _s, ...b }) => b),
        epochs: run.epochs.map(({ series: _s, ...e }) => e),
      },
    [run],
  );
  if (!lossOnly) return null;
  return <LossChart runs={[lossOnly]} logScale={false} height={150} />;
}

/** The status line "Average return (last 100)". */
function AverageReturn() {
  const { t } = useTranslation('play');
  const average = useAverageReturn();
  const episodes = useEpisodes(selectEpisodeCount);
  return (
    <p className="play-status">
      {t('averageReturn')}:{' '}
      <output aria-label={t('averageReturn')}>
        {average === null ? '—' : t('averageValue', { value: average })}
      </output>{' '}
      <span className="play-muted">
        {episodes ? t('episodesSoFar', { count: episodes }) : t('noEpisodes')}
      </span>
    </p>
  );
}

function PublishSnippet({ envId }: { envId: EnvId }) {
  const { t } = useTranslation('play');
  const name = useStudio(selectProjectName) ?? 'my-agent';
  const model =
    name
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-|-$/g, '') || 'my-agent';
  return (
    <details className="play-publish">
      <summary>{t('publishTitle')}</summary>
      <p>{t('publishText')}</p>
      <pre>
        <code>{gameLoopSnippet(envSpec(envId), model, window.location.origin)}</code>
      </pre>
    </details>
  );
}

/** The "Play" tab: the game, the agent's progress, the live player, the evaluation and how a game calls it. */
export function PlayPanel() {
  const { t } = useTranslation('play');
  const choice = agentChoice(useStudio(selectTraining));
  const env = choice?.agent.env ?? null;
  // A recording belongs to the game it was played in.
  useEffect(() => {
    useRecording.setState((s) => (s.best && s.best.env !== env ? { best: null } : s));
  }, [env]);
  if (!choice || !env) {
    return (
      <section className="play-panel" aria-label={t('region')}>
        <GameSelect value={null} onChange={chooseGame} />
        <p className="play-muted">{t('chooseGame')}</p>
      </section>
    );
  }
  const spec = envSpec(env);
  return (
    <section className="play-panel" aria-label={t('region')}>
      <GameSelect value={env} onChange={chooseGame} />
      <p>{t(`gameText.${env}`)}</p>
      <p className="play-muted">{t('contract', gameWords(t, spec))}</p>
      <GameModelCheck />
      <AverageReturn />
      <ReturnChart threshold={spec.solvedThreshold} />
      <GamePlayer envId={env} />
      <AgentEvaluation envId={env} />
      <LengthChart />
      <RunLoss />
      <PublishSnippet envId={env} />
    </section>
  );
}
