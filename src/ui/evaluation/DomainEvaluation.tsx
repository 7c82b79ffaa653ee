import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n';
import { trainingClient } from '../../train/client';

/**
 * The Evaluate tab's frame for a domain (ratings, boxes): runs `evaluate` on opening and after every training
 * run (quietly: an untrained model is not an error there), and on the button (a failure is said under it).
 * `evaluate` must be stable (useCallback); `children` draws the result; `after` (Try-it) follows it.
 */
export function DomainEvaluation<T>({
  evaluate,
  action,
  children,
  after,
}: {
  evaluate: () => Promise<T>;
  /** The button's words. */
  action: string;
  children: (result: T) => ReactNode;
  after?: ReactNode;
}) {
  const { t } = useTranslation('domains');
  const [result, setResult] = useState<T | null>(null);
  const [state, setState] = useState<'idle' | 'busy' | string>('idle');
  const run = useCallback(
    async (quiet: boolean) => {
      setState('busy');
      try {
        setResult(await evaluate());
        setState('idle');
      } catch (e) {
        setState(quiet ? 'idle' : t('trainFirst', { message: e instanceof Error ? e.message : String(e) }));
      }
    },
    [evaluate, t],
  );
  useEffect(() => {
    void run(true);
    return trainingClient.on('end', () => void run(true));
  }, [run]);
  return (
    <section className="evaluation" aria-label={i18n.t('evaluate:evaluation')}>
      <button type="button" onClick={() => void run(false)} disabled={state === 'busy'}>
        {state === 'busy' ? t('evaluating') : action}
      </button>
      {state !== 'idle' && state !== 'busy' && (
        <p className="field__error" role="alert">
          {state}
        </p>
      )}
      {result !== null && children(result)}
      {after}
    </section>
  );
}
