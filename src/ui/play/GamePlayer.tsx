import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Env, type EnvId, makeEnv, sizeOf } from '../../envs';
import { drawFrame } from './render';
import { greedyPolicy, useRecording } from './policy';

const SPEEDS = [2, 10, 30, 60];
const WIDTH = 320;
const HEIGHT = 220;
const selectBest = (s: { best: ReturnType<typeof useRecording.getState>['best'] }) => s.best;

/**
 * The current policy playing the game live (greedy): a canvas, play / pause, single steps, reset and speed;
 * after an evaluation, the best episode can be replayed frame by frame.
 */
export function GamePlayer({ envId }: { envId: EnvId }) {
  const { t } = useTranslation('play');
  const canvas = useRef<HTMLCanvasElement>(null);
  const env = useRef<Env>(makeEnv(envId, 1));
  const episode = useRef(0);
  const busy = useRef(false);
  const [status, setStatus] = useState({ step: 0, value: 0 });
  const [last, setLast] = useState<{ value: number; steps: number } | null>(null);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(SPEEDS[2]);
  const [error, setError] = useState<string | null>(null);
  const [replay, setReplay] = useState<number | null>(null);
  const best = useRecording(selectBest);

  const draw = useCallback(() => {
    const ctx = canvas.current?.getContext('2d');
    if (ctx) drawFrame(ctx, env.current.render(), WIDTH, HEIGHT);
  }, []);

  const reset = useCallback(() => {
    episode.current += 1;
    env.current.reset(episode.current);
    setStatus({ step: 0, value: 0 });
    draw();
  }, [draw]);

  useEffect(() => {
    env.current = makeEnv(envId, 1);
    episode.current = 0;
    setPlaying(false);
    setReplay(null);
    setLast(null);
    reset();
  }, [envId, reset]);

  /** One move of the trained policy; false when it could not be asked. */
  const step = useCallback(async (): Promise<boolean> => {
    if (busy.current) return true;
    busy.current = true;
    try {
      const e = env.current;
      const obs = new Float32Array(sizeOf(e.spec.observationShape));
      e.observe(obs);
      const action = (await greedyPolicy(e.spec)(obs, 1))[0];
      const r = e.step(action);
      setError(null);
      setStatus((s) => {
        const next = { step: s.step + 1, value: s.value + r.reward };
        if (r.terminated || r.truncated) setLast({ value: next.value, steps: next.step });
        return next;
      });
      draw();
      if (r.terminated || r.truncated) reset();
      return true;
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setPlaying(false);
      return false;
    } finally {
      busy.current = false;
    }
  }, [draw, reset]);

  useEffect(() => {
    if (!playing) return;
    const id = setInterval(() => void step(), 1000 / speed);
    return () => clearInterval(id);
  }, [playing, speed, step]);

  useEffect(() => {
    if (replay === null || !best) return;
    if (replay >= best.frames.length) {
      setReplay(null);
      draw();
      return;
    }
    const ctx = canvas.current?.getContext('2d');
    if (ctx) drawFrame(ctx, best.frames[replay], WIDTH, HEIGHT);
    const id = setTimeout(() => setReplay(replay + 1), 1000 / speed);
    return () => clearTimeout(id);
  }, [replay, best, speed, draw]);

  const title = t(`games.${envId}`);
  return (
    <section className="play-player" aria-label={t('player')}>
      <canvas
        ref={canvas}
        width={WIDTH}
        height={HEIGHT}
        role="img"
        aria-label={t('canvas', { game: title })}
      />
      <output className="play-player__status" aria-live="off">
        {replay !== null && best
          ? t('replaying', { value: best.value })
          : t('playerStatus', { step: status.step, value: status.value })}
      </output>
      {last && <p className="play-muted">{t('lastEpisode', last)}</p>}
      <div className="play-player__controls">
        <button type="button" onClick={() => setPlaying((p) => !p)} disabled={replay !== null}>
          {playing ? t('pause') : t('play')}
        </button>
        <button type="button" onClick={() => void step()} disabled={playing || replay !== null}>
          {t('step')}
        </button>
        <button type="button" onClick={reset} disabled={replay !== null}>
          {t('reset')}
        </button>
        <label>
          {t('speed')}{' '}
          <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {t('speedValue', { value: s })}
              </option>
            ))}
          </select>
        </label>
        {best && (
          <button
            type="button"
            onClick={() => {
              setPlaying(false);
              setReplay(replay === null ? 0 : null);
            }}
          >
            {replay === null ? t('replayBest') : t('stopReplay')}
          </button>
        )}
      </div>
      {error && (
        <p className="play-alert" role="alert">
          {t('needModel', { error })}
        </p>
      )}
    </section>
  );
}
