import { useEffect, useRef, useState } from 'react';
import type { DatasetConfig, LoadedDataset, Progress } from '../../data';
import { CancelledError, DataError, loadDataset } from '../../data';
import { i18n } from '../../i18n';
import { dataErrorText } from './data-error-text';

/** What the person reads when loading stopped because they pressed Cancel (in the UI language). */

export const cancelledMessage = (): string => i18n.t('data:cancelled');

/** Where loading the shown dataset stands. */
export type LoadState =
  | { status: 'idle' }
  | { status: 'loading'; progress: Progress; cancel(): void }
  | { status: 'ready'; dataset: LoadedDataset }
  | { status: 'error'; message: string; cancelled: boolean };

/** Identifies what must be reloaded: the source and split (augmentation and fitted stats do not change arrays). */
export function loadKey(config: DatasetConfig | null): string {
  return config ? JSON.stringify([config.source, config.split]) : '';
}

let cache: { key: string; dataset: LoadedDataset } | null = null;

/** Loads `config` in the data worker whenever its key changes; calls `onLoaded` once per successful load. */
export function useDatasetLoad(
  config: DatasetConfig | null,
  onLoaded: (ds: LoadedDataset) => void,
): LoadState {
  const key = loadKey(config);
  const [state, setState] = useState<LoadState>({ status: 'idle' });
  const configRef = useRef(config);
  configRef.current = config;
  const onLoadedRef = useRef(onLoaded);
  onLoadedRef.current = onLoaded;
  useEffect(() => {
    const cfg = configRef.current;
    if (!cfg) return setState({ status: 'idle' });
    if (cache?.key === key) {
      setState({ status: 'ready', dataset: cache.dataset });
      onLoadedRef.current(cache.dataset);
      return;
    }
    const controller = new AbortController();
    let live = true;
    const cancel = () => controller.abort();
    setState({ status: 'loading', progress: { phase: 'Starting', fraction: 0 }, cancel });
    const onProgress = (progress: Progress) => live && setState({ status: 'loading', progress, cancel });
    loadDataset(cfg, onProgress, controller.signal).then(
      (dataset) => {
        if (!live) return;
        cache = { key, dataset };
        setState({ status: 'ready', dataset });
        onLoadedRef.current(dataset);
      },
      (e: unknown) => {
        const cancelled = e instanceof CancelledError;
        const message = cancelled
          ? cancelledMessage()
          : e instanceof DataError
            ? dataErrorText(e)
            : i18n.t('data:loadingFailed', { error: String(e) });

        if (live) setState({ status: 'error', message, cancelled });
      },
    );
    return () => {
      live = false;
      controller.abort();
    };
  }, [key]);
  return state;
}
