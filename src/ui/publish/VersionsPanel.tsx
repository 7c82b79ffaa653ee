import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  deleteVersion,
  type Endpoint,
  listModels,
  listVersions,
  needsToken,
  normaliseEndpoint,
  saveToken,
  setLabel,
  type VersionInfo,
} from '../../publish';
import { endpointErrorText } from './endpoint-text';
import { VersionRow } from './VersionRow';

import { PUBLISHED_EVENT, usePublishTarget } from './usePublishTarget';
import './publish.css';

type Load =
  | { status: 'idle' | 'loading' }
  | { status: 'ready'; versions: VersionInfo[] }
  | { status: 'error'; message: string; askToken: boolean };

function TokenPrompt({ onSave }: { onSave(token: string): void }) {
  const [token, setToken] = useState('');
  const { t } = useTranslation('publish');
  return (
    <form
      className="versions__token"
      onSubmit={(e) => {
        e.preventDefault();
        if (token.trim()) onSave(token.trim());
      }}
    >
      <label>
        {t('token')}{' '}
        <input
          aria-label={t('endpointToken')}
          type="password"
          value={token}
          onChange={(e) => setToken(e.target.value)}
        />
      </label>
      <button type="submit">{t('useToken')}</button>
    </form>
  );
}

function useVersions(ep: Endpoint | null, name: string) {
  const [load, setLoad] = useState<Load>({ status: 'idle' });
  const [models, setModels] = useState<string[]>([]);
  const refresh = useCallback(async () => {
    if (!ep) return;
    setLoad((l) => (l.status === 'ready' ? l : { status: 'loading' }));
    try {
      const [all, versions] = await Promise.all([listModels(ep), listVersions(ep, name)]);
      setModels(all.map((m) => m.name));
      setLoad({ status: 'ready', versions });
    } catch (e) {
      setLoad({
        status: 'error',
        message: endpointErrorText(e),
        askToken: needsToken(e),
      });
    }
  }, [ep, name]);
  useEffect(() => {
    void refresh();
    const again = () => void refresh();
    window.addEventListener(PUBLISHED_EVENT, again);
    return () => window.removeEventListener(PUBLISHED_EVENT, again);
  }, [refresh]);
  return { load, models, refresh, setLoad };
}

/** The "Publish" sidebar tab: the model's versions with state, time, size, parity and accuracy; labels, rollback, delete. */
export function VersionsPanel() {
  const target = usePublishTarget();
  const [token, setToken] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { t } = useTranslation('publish');
  const url = target ? safeEndpoint(target.endpoint) : null;
  const ep = useEndpoint(url, token ?? target?.token ?? '');
  const name = chosen ?? target?.name ?? '';
  const { load, models, refresh } = useVersions(ep, name);

  const act = async (what: () => Promise<void>) => {
    if (!ep) return;
    setBusy(true);
    setMessage(null);
    try {
      await what();
    } catch (e) {
      setMessage(endpointErrorText(e));
    }
    setBusy(false);
    await refresh();
  };
  if (!target || !ep) return <p className="muted">{t('loading')}</p>;
  const askToken = (load.status === 'error' && load.askToken) || !ep.token;
  return (
    <section className="versions" aria-label={t('versions')}>
      <div className="versions__bar">
        <label>
          {t('model')}{' '}
          <select aria-label={t('servedModel')} value={name} onChange={(e) => setChosen(e.target.value)}>
            {[...new Set([name, ...models])].map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void refresh()} disabled={busy}>
          {t('refresh')}
        </button>
      </div>
      <p className="muted small">{t('endpointIs', { url: ep.url })}</p>
      {askToken && (
        <TokenPrompt
          onSave={(t) => {
            setToken(t);
            void saveToken(ep.url, t);
          }}
        />
      )}
      {load.status === 'error' && <Alert text={load.message} />}
      {message && <Alert text={message} />}
      {load.status === 'loading' && <p className="muted">{t('loadingVersions')}</p>}
      {load.status === 'ready' && (
        <VersionList
          name={name}
          versions={load.versions}
          busy={busy}
          onLabel={(v, label) => act(() => setLabel(ep, name, label, v))}
          onDelete={(v) => act(() => deleteVersion(ep, name, v))}
        />
      )}
    </section>
  );
}

function Alert({ text }: { text: string }) {
  return (
    <p className="publish__alert" role="alert">
      {text}
    </p>
  );
}

function VersionList(props: {
  name: string;
  versions: VersionInfo[];
  busy: boolean;
  onLabel(version: number, label: string): void;
  onDelete(version: number): void;
}) {
  const { t } = useTranslation('publish');
  if (props.versions.length === 0) {
    return <p className="muted">{t('noVersions', { name: props.name })}</p>;
  }

  const stable = props.versions.find((v) => v.labels.includes('stable'))?.version;
  return (
    <ul className="versions__list">
      {props.versions.map((v) => (
        <VersionRow
          key={v.version}
          v={v}
          stable={stable}
          busy={props.busy}
          onLabel={(label) => props.onLabel(v.version, label)}
          onDelete={() => props.onDelete(v.version)}
        />
      ))}
    </ul>
  );
}

function safeEndpoint(raw: string): string | null {
  try {
    return normaliseEndpoint(raw);
  } catch {
    return null;
  }
}

/** A stable Endpoint object for the url and token (so effects do not rerun on every render). */
function useEndpoint(url: string | null, token: string): Endpoint | null {
  const [ep, setEp] = useState<Endpoint | null>(null);
  useEffect(() => {
    setEp(url ? { url, token } : null);
  }, [url, token]);
  return ep;
}
