import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listModels, loadPrefs, loadToken } from '../../publish';
import { useStudio } from '../../state/store';

/** Where Try-it runs: the model trained in this browser, or a version served by the endpoint. */
export type TryTarget = { kind: 'local' } | { kind: 'served'; name: string; version: number | null };

/** A "Run on" picker listing this browser's model and the project's published versions (if any). */
export function TryTargetPicker({ value, onChange }: { value: TryTarget; onChange(t: TryTarget): void }) {
  const projectId = useStudio((s) => s.projectId);
  const [served, setServed] = useState<{ name: string; versions: number[] } | null>(null);
  const { t } = useTranslation('evaluate');

  useEffect(() => {
    let live = true;
    (async () => {
      const prefs = await loadPrefs(projectId);
      if (!prefs) return;
      const models = await listModels({ url: prefs.endpoint, token: await loadToken(prefs.endpoint) });
      const m = models.find((x) => x.name === prefs.name);
      const versions = (m?.versions ?? [])
        .filter((v) => v.state === 'AVAILABLE')
        .map((v) => Number(v.version));
      if (live && versions.length) setServed({ name: prefs.name, versions: versions.sort((a, b) => b - a) });
    })().catch(() => undefined);
    return () => {
      live = false;
    };
  }, [projectId]);
  if (!served) return null;
  const key = value.kind === 'local' ? 'local' : `${value.version ?? 'default'}`;
  return (
    <label className="field">
      <span>{t('runOn')}</span>
      <select
        value={key}
        onChange={(e) => {
          const v = e.target.value;
          if (v === 'local') onChange({ kind: 'local' });
          else onChange({ kind: 'served', name: served.name, version: v === 'default' ? null : Number(v) });
        }}
      >
        <option value="local">{t('thisBrowser')}</option>
        <option value="default">{t('servedDefault', { name: served.name })}</option>
        {served.versions.map((v) => (
          <option key={v} value={v}>
            {t('servedVersion', { name: served.name, version: v })}
          </option>
        ))}
      </select>
    </label>
  );
}
