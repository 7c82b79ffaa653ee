import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useState } from 'react';
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
  useShortcuts();
  useEffect(() => {
    let stop: (() => void) | undefined;
    restoreLastProject()
      .then(() => {
        stop = startAutosave();
        setReady('ready');
      })
      .catch((e) =>
        setReady(`This browser blocked its local storage, so projects cannot be saved: ${String(e)}`),
      );
    return () => stop?.();
  }, []);
  if (ready === 'loading') return <p className="boot">Opening your last project…</p>;
  return (
    <ReactFlowProvider>
      <div className="app">
        <Header />
        {ready !== 'ready' && (
          <p className="notice notice--error" role="alert">
            {ready}
          </p>
        )}
        <ErrorBoundary area="layer palette">
          <Palette />
        </ErrorBoundary>
        <ErrorBoundary area="model graph">
          <Canvas />
        </ErrorBoundary>
        <Sidebar />
      </div>
    </ReactFlowProvider>
  );
}
