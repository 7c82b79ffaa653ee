/**
 * What the Generate panel shows: the objective's per-epoch artifacts of the current run (samples from a fixed
 * seed, reconstructions, the latent map), kept per epoch so a slider can scrub through them. Not saved. Filled
 * by training-status.ts (loaded with the shell), so epochs trained before the tab is first opened are kept too.
 */
import { create } from 'zustand';
import type { EpochArtifact } from '../../train/protocol';

/** An epoch's samples as the generative objectives send them (see src/train/engine/objectives). */
export interface SampleArtifact extends EpochArtifact {
  kind: 'samples';
  objective: 'vae' | 'gan' | 'autoencoder';
  /** Shape of one sample (no batch axis). */
  shape: number[];
  /** Generated samples from the fixed seed, row-major (VAE, GAN). */
  samples?: Float32Array;
  /** Test inputs and the model's reconstructions of them (VAE, autoencoder). */
  originals?: Float32Array;
  reconstructions?: Float32Array;
  /** 2-D latent only: the decoded manifold grid (gridSize² samples), test encodings (x, y pairs) and labels. */
  grid?: Float32Array;
  gridSize?: number;
  encoded?: Float32Array;
  labels?: Float32Array;
}

interface GenerateState {
  runId: string | null;
  artifacts: SampleArtifact[];
}

/** The Generate panel's store (module store: components read narrow selectors). */
export const useGenerate = create<GenerateState>(() => ({ runId: null, artifacts: [] }));

/** Keeps an artifact, starting afresh when it belongs to a new run. */
export function keepArtifact(artifact: EpochArtifact, runId: string | null): void {
  if (artifact.kind !== 'samples') return;
  const a = artifact as SampleArtifact;
  useGenerate.setState((s) =>
    s.runId === runId
      ? {
          artifacts: [...s.artifacts.filter((x) => x.epoch !== a.epoch), a].sort((x, y) => x.epoch - y.epoch),
        }
      : { runId, artifacts: [a] },
  );
}
