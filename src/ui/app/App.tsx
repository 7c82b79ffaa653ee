import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n';
import { startAutosave } from '../../state/autosave';

import { restoreLastProject } from '../../state/projects';
import { Canvas } from '../canvas/Canvas';
import { Palette } from '../palette/Palette';
import { ErrorBoundary } from './ErrorBoundary';
import { Header } from './Header';
import { Sidebar } from './Sidebar';
import { useShortcuts } from './useShortcuts';

/** The studio: palette, canvas and panels around one store; the last project reopens on load. */
export function App() {
  const [ready, setReady] = useState<'loading' | 'ready' | string>('loading');
  const { t } = useTranslation('app');
  useShortcuts();
  useEffect(() => {
    let stop: (() => void) | undefined;
    restoreLastProject()
      .then(() => {
        stop = startAutosave();
        setReady('ready');
      })
      .catch((e) => setReady(i18n.t('app:storageBlocked', { error: String(e) })));
    return () => stop?.();
  }, []);
  if (ready === 'loading') return <p className="boot">{t('opening')}</p>;
  return (
    <ReactFlowProvider>
      <div className="app">
        <Header />
        {ready !== 'ready' && (
          <p className="notice notice--error" role="alert">
            {ready}
          </p>
        )}
        <ErrorBoundary area={t('areas.palette')}>
          <Palette />
        </ErrorBoundary>
        <ErrorBoundary area={t('areas.graph')}>
          <Canvas />
        </ErrorBoundary>
        <Sidebar />
      </div>
    </ReactFlowProvider>
  );
}
