// `npm run bench:gpu -- --templates [--batch 8] [--only id,id]`: one training step of every template of the
// catalog with a dataset (supervised, autoencoder, VAE, GAN; the game-playing agents step an environment and are
// left out) on webgpu, on each template's recommended built-in dataset: tfjs kernels and GPU dispatches per step
// with tfjs-backend-webgpu's own kernels (before) and with the studio's (after), the kernel types with the most
// GPU time (timestamp queries), and the tensor count after each step (no growth). Small batches: it finishes on
// SwiftShader in a few minutes. Returns the rows; bench/gpu.ts prints them as JSON.
import {
  registerWebGpuTrainingKernels,
  unregisterWebGpuTrainingKernels,
} from '../src/train/engine/kernels/webgpu';
import {
  PROFILED_TEMPLATES,
  profileTemplate,
  topKernels,
} from '../src/train/engine/kernels/webgpu/template-profile';

export interface TemplateRow {
  template: string;
  objective: string;
  batch: number;
  before?: { kernelsPerStep: number; dispatchesPerStep: number };
  after?: {
    kernelsPerStep: number;
    dispatchesPerStep: number;
    tensorsAfterEachStep: number[];
    tensorGrowth: number;
    gpuMsByKernel: Record<string, { count: number; gpuMs: number }> | string;
  };
  error?: string;
}

/** Profiles every template (or those in `only`) at `batch` samples per step, before and after. */
export async function profileTemplates(batch: number, only: string[] | null): Promise<TemplateRow[]> {
  const rows: TemplateRow[] = [];
  for (const t of PROFILED_TEMPLATES.filter((x) => !only || only.includes(x.id))) {
    const row: TemplateRow = {
      template: t.id,
      objective: t.recommended?.settings.objective ?? 'supervised',
      batch,
    };
    try {
      unregisterWebGpuTrainingKernels();
      const before = await profileTemplate(t, batch);
      row.before = { kernelsPerStep: before.profile.kernels, dispatchesPerStep: before.profile.dispatches };
      registerWebGpuTrainingKernels();
      const after = await profileTemplate(t, batch);
      const n = after.tensors;
      row.after = {
        kernelsPerStep: after.profile.kernels,
        dispatchesPerStep: after.profile.dispatches,
        tensorsAfterEachStep: n,
        tensorGrowth: n[n.length - 1] - n[0],
        gpuMsByKernel: after.profile.timestampQueries
          ? topKernels(after.profile)
          : 'no timestamp-query on this adapter',
      };
    } catch (e) {
      row.error = e instanceof Error ? e.message.split('\n')[0] : String(e);
    } finally {
      registerWebGpuTrainingKernels();
    }
    rows.push(row);
    console.error(`bench:gpu templates ${JSON.stringify(row)}`);
  }
  return rows;
}
