import { useEffect, useState } from 'react';
import {
  captureStartupToken,
  defaultEndpoint,
  hasStoredWeights,
  loadPrefs,
  loadToken,
  suggestModelName,
} from '../../publish';
import type { ModelPart } from '../../publish/parts';
import { useStudio } from '../../state/store';

/** Where and as what the project publishes: remembered choices, else the suggestions. */
export interface PublishTarget {
  name: string;
  endpoint: string;
  token: string;
  label: string;
  /** A generative model's part to publish (decoder, generator); absent = the default part. */
  part?: ModelPart;
}

/** Sent on window after a publish, so a mounted versions panel refreshes. */
export const PUBLISHED_EVENT = 'model-studio:published';

let captured: Promise<unknown> | null = null;

/** Takes `?token=` from the start-up URL once per page load (and removes it from the address bar). */
export function captureTokenOnce(): Promise<unknown> {
  captured ??= captureStartupToken().catch(() => null);
  return captured;
}

const selectProjectId = (s: { projectId: string | null }) => s.projectId;

/** The project's publish target, or null while it loads. */
export function usePublishTarget(): PublishTarget | null {
  const projectId = useStudio(selectProjectId);
  const [target, setTarget] = useState<PublishTarget | null>(null);
  useEffect(() => {
    let live = true;
    (async () => {
      await captureTokenOnce();
      const prefs = await loadPrefs(projectId).catch(() => null);
      const endpoint = prefs?.endpoint ?? defaultEndpoint();
      const token = await loadToken(endpoint).catch(() => '');
      const name = prefs?.name ?? suggestModelName(useStudio.getState().projectName);
      if (live) setTarget({ name, endpoint, token, label: prefs?.label ?? 'stable' });
    })();
    return () => {
      live = false;
    };
  }, [projectId]);
  return target;
}

/**
 * Whether the project has trained or imported weights. Checked again when the project, graph or runs change
 * (an import or a finished run), and every few seconds (training writes them from its worker).
 */
export function useHasWeights(): boolean {
  const [has, setHas] = useState(false);
  useEffect(() => {
    let live = true;
    const check = () =>
      hasStoredWeights(useStudio.getState().projectId).then(
        (yes) => live && setHas(yes),
        () => live && setHas(false),
      );
    check();
    const timer = setInterval(check, 2000);
    const stop = useStudio.subscribe((s, prev) => {
      if (s.projectId !== prev.projectId || s.graph !== prev.graph || s.runs !== prev.runs) check();
    });
    return () => {
      live = false;
      clearInterval(timer);
      stop();
    };
  }, []);
  return has;
}
