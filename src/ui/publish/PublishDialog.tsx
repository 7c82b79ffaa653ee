import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EndpointError, labelProblem, modelNameProblem, normaliseEndpoint } from '../../publish';
import type { PublishOutcome } from '../../publish/flow';
import { partsOf } from '../../publish/parts';
import type { PublishProgress } from '../../publish/types';
import { useStudio } from '../../state/store';
import { Dialog } from '../app/Dialog';
import { endpointErrorText } from './endpoint-text';
import { preloadPublishCode, runPublish } from './publish-actions';
import { PartField } from './PartField';
import { PublishResult } from './PublishResult';
import { PUBLISHED_EVENT, type PublishTarget, usePublishTarget } from './usePublishTarget';
import './publish.css';

/** The part a generative project publishes when the person leaves the choice as it is. */
const defaultPart = () => partsOf(useStudio.getState().graph)[0];

type Phase =
  | { kind: 'form'; error: string | null; askToken: boolean }
  | { kind: 'running'; progress: PublishProgress }
  | { kind: 'done'; outcome: PublishOutcome };

function Progress({ progress }: { progress: PublishProgress }) {
  const value = progress.stage === 'uploading' ? progress.fraction : progress.stage === 'preparing' ? 0 : 1;
  const { t } = useTranslation('publish');
  return (
    <div className="publish__progress">
      <progress aria-label={t('progress')} max={1} value={value} />
      <p aria-live="polite">
        {t(`stages.${progress.stage}`)}
        {progress.stage === 'uploading' && ` ${Math.round(progress.fraction * 100)} %`}
      </p>
    </div>
  );
}

function Field({
  label,
  error,
  children,
}: {
  label: string;
  error?: string | null;
  children: React.ReactNode;
}) {
  return (
    <div className="publish__field">
      <span>{label}</span>
      {children}
      {error && <span className="publish__error">{error}</span>}
    </div>
  );
}

function PublishForm({
  initial,
  phase,
  onSubmit,
}: {
  initial: PublishTarget;
  phase: Extract<Phase, { kind: 'form' }>;
  onSubmit(t: PublishTarget): void;
}) {
  const [t, setT] = useState(initial);
  const tokenRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (phase.askToken) tokenRef.current?.focus();
  }, [phase.askToken]);
  const nameError = modelNameProblem(t.name);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!nameError && !labelProblem(t.label)) onSubmit(t);
  };
  const set = (patch: Partial<PublishTarget>) => setT({ ...t, ...patch });
  const { t: tr } = useTranslation('publish');
  return (
    <form className="publish__form" onSubmit={submit}>
      <Field label={tr('modelName')} error={t.name ? nameError : null}>
        <input
          aria-label={tr('modelName')}
          value={t.name}
          onChange={(e) => set({ name: e.target.value })}
          spellCheck={false}
        />
      </Field>
      <Field label={tr('endpoint')}>
        <input
          aria-label={tr('endpoint')}
          value={t.endpoint}
          onChange={(e) => set({ endpoint: e.target.value })}
          spellCheck={false}
        />
      </Field>
      <Field label={tr('token')} error={phase.askToken ? tr('askToken') : null}>
        <input
          ref={tokenRef}
          aria-label={tr('token')}
          type="password"
          value={t.token}
          onChange={(e) => set({ token: e.target.value })}
        />
      </Field>
      <Field label={tr('labelOptional')}>
        <select aria-label={tr('label')} value={t.label} onChange={(e) => set({ label: e.target.value })}>
          <option value="">{tr('noLabel')}</option>
          <option value="stable">{'stable'}</option>
          <option value="canary">{'canary'}</option>
        </select>
      </Field>
      <PartField value={t.part} onChange={(part) => set({ part })} />
      {phase.error && (
        <p className="publish__alert" role="alert">
          {phase.error}
        </p>
      )}
      <div className="publish__actions">
        <button type="submit" className="publish__primary" disabled={nameError !== null}>
          {phase.error ? tr('publishAgain') : tr('publishVersion')}
        </button>
      </div>
    </form>
  );
}

/** The publish dialog: name, endpoint, token and label; then progress; then the result. */
export function PublishDialog({ onClose }: { onClose(): void }) {
  const target0 = usePublishTarget();
  const [codeReady, setCodeReady] = useState(false);
  const [phase, setPhase] = useState<Phase>({ kind: 'form', error: null, askToken: false });
  useEffect(() => {
    preloadPublishCode().then(
      () => setCodeReady(true),
      (e: Error) => {
        setCodeReady(true);
        setPhase({ kind: 'form', error: endpointErrorText(e), askToken: false });
      },
    );
  }, []);
  const initial = codeReady ? target0 : null;
  const [target, setTarget] = useState<PublishTarget | null>(null);
  const start = async (t: PublishTarget) => {
    setTarget(t);
    let url: string;
    try {
      url = normaliseEndpoint(t.endpoint);
    } catch (e) {
      return setPhase({ kind: 'form', error: (e as Error).message, askToken: false });
    }
    setPhase({ kind: 'running', progress: { stage: 'preparing', fraction: 0 } });
    try {
      const outcome = await runPublish(
        {
          name: t.name,
          label: t.label,
          endpoint: { url, token: t.token.trim() },
          part: t.part ?? defaultPart(),
        },
        (progress) => setPhase({ kind: 'running', progress }),
      );
      setPhase({ kind: 'done', outcome });
      window.dispatchEvent(new Event(PUBLISHED_EVENT));
    } catch (e) {
      const askToken = e instanceof EndpointError && e.kind === 'auth';
      setPhase({ kind: 'form', error: endpointErrorText(e), askToken });
    }
  };
  const { t: tr } = useTranslation('publish');
  return (
    <Dialog title={tr('publish')} onClose={onClose}>
      <div className="publish">
        {!initial && <p>{tr('loading')}</p>}

        {initial && phase.kind === 'form' && (
          <PublishForm initial={target ?? initial} phase={phase} onSubmit={(t) => void start(t)} />
        )}
        {phase.kind === 'running' && <Progress progress={phase.progress} />}
        {phase.kind === 'done' && <PublishResult outcome={phase.outcome} />}
      </div>
    </Dialog>
  );
}
