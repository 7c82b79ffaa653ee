import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type EnvId, envSpec, playEpisodes } from '../../envs';
import { greedyPolicy, seededRandomPolicy, useRecording } from './policy';

interface Result {
  count: number;
  greedy: { average: number; best: number };
  random: { average: number; best: number };
}

const summary = (returns: number[]) => ({
  average: returns.reduce((a, b) => a + b, 0) / returns.length,
  best: Math.max(...returns),
});

/** Evaluate: N greedy episodes of the trained policy against a random policy, and the game's solved threshold. */
export function AgentEvaluation({ envId }: { envId: EnvId }) {
  const { t } = useTranslation('play');
  const spec = envSpec(envId);
  const id = useId();
  const [count, setCount] = useState(100);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const seed = 20261130;
      const greedy = await playEpisodes(envId, count, seed, greedyPolicy(spec), true);
      const random = await playEpisodes(envId, count, seed, seededRandomPolicy(spec, seed));
      setResult({ count, greedy: summary(greedy.returns), random: summary(random.returns) });
      useRecording.setState({
        best: { env: envId, frames: greedy.bestFrames ?? [], value: greedy.returns[greedy.best] },
      });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const threshold = spec.solvedThreshold;
  const num = (v: number) => t('averageValue', { value: v });
  return (
    <section className="play-evaluation" aria-label={t('evaluation')}>
      <div className="play-row">
        <label htmlFor={id}>{t('episodesToPlay')}</label>
        <input
          id={id}
          type="number"
          min={1}
          max={500}
          value={count}
          onChange={(e) => setCount(Math.max(1, Math.min(500, Math.round(Number(e.target.value) || 1))))}
        />
        <button type="button" onClick={() => void run()} disabled={busy}>
          {t('evaluate')}
        </button>
      </div>
      {busy && <p className="play-muted">{t('evaluating', { episodes: count })}</p>}
      {error && (
        <p className="play-alert" role="alert">
          {t('needModel', { error })}
        </p>
      )}
      {result && (
        <>
          <table className="play-table">
            <thead>
              <tr>
                <th scope="col" />
                <th scope="col">{t('average')}</th>
                <th scope="col">{t('best')}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t('greedyRow')}</th>
                <td>{num(result.greedy.average)}</td>
                <td>{num(result.greedy.best)}</td>
              </tr>
              <tr>
                <th scope="row">{t('randomRow')}</th>
                <td>{num(result.random.average)}</td>
                <td>{num(result.random.best)}</td>
              </tr>
            </tbody>
          </table>
          {threshold !== undefined &&
            (result.count < 100 ? (
              <p className="play-muted">{t('solvedNeeds100', { threshold })}</p>
            ) : (
              <p role="status">
                {t(result.greedy.average >= threshold ? 'solved' : 'notSolved', {
                  value: result.greedy.average,
                  threshold,
                  episodes: result.count,
                })}
              </p>
            ))}
        </>
      )}
    </section>
  );
}
