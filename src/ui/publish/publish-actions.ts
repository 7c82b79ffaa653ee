/**
 * The publish dialog's one action: build the model from the stored weights, pick samples, publish. tfjs,
 * the compiler and the data worker load here, on demand — never in the first-load bundle.
 */
import type { DatasetConfig, LoadedDataset } from '../../data/types';
import type { PublishOutcome } from '../../publish/flow';
import { preprocessingMetadata } from '../../publish/metadata';
import { unreachable } from '../../publish/errors';
import {
  generatedSamples,
  type ModelInput,
  type Samples,
  splitSizes,
  testSamples,
} from '../../publish/samples';
import { savePrefs, saveToken } from '../../publish/settings';
import type { Endpoint, PublishProgress } from '../../publish/types';
import { useStudio } from '../../state/store';
import type { RunRecord } from '../../train/types';
import type { ModelPart } from '../../publish/parts';

/** What the dialog collected. */
export interface PublishForm {
  name: string;
  endpoint: Endpoint;
  label: string;
  /** A generative model's part to publish (decoder, generator); default the whole model. */
  part?: ModelPart;
}

/** The test accuracy of the newest evaluated run (0..1), or null. */
export function latestTestAccuracy(runs: unknown[]): number | null {
  const evaluated = (runs as RunRecord[])
    .filter((r) => typeof r?.evaluation?.accuracy === 'number')
    .sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)));
  return evaluated[0]?.evaluation?.accuracy ?? null;
}

/**
 * The dataset, loaded in the data worker, when its input shape can fit the model (or its samples are cut across
 * the model's several Inputs, as a recommender's [user, item]); otherwise null.
 */
async function loadFittingDataset(
  config: DatasetConfig | null,
  inputs: ModelInput[],
): Promise<LoadedDataset | null> {
  if (!config || inputs.length === 0) return null;
  const known = config.fitted?.signature?.inputShape;
  const fits =
    inputs.length > 1
      ? !!known && splitSizes(known, inputs) !== null
      : !known || known.join() === inputs[0].shape.map((d) => d ?? -1).join();
  if (!fits) return null;
  try {
    const { loadDataset } = await import('../../data/client');
    return await loadDataset(config);
  } catch {
    return null;
  }
}

function pickSamples(dataset: LoadedDataset | null, inputs: ModelInput[]): Samples {
  return testSamples(dataset, inputs) ?? generatedSamples(inputs);
}

type PublishCode = [typeof import('../../publish/stored-model'), typeof import('../../publish/flow')];
let code: Promise<PublishCode> | null = null;

/**
 * Loads the publishing code (tfjs, the compiler) from the studio's server, once. A failure (the server is
 * down) becomes the "could not be reached" message and is forgotten, so a later try loads it again.
 */
export function preloadPublishCode(): Promise<PublishCode> {
  code ??= Promise.all([import('../../publish/stored-model'), import('../../publish/flow')]).catch(() => {
    code = null;
    throw unreachable(window.location.origin, 'Loading the publishing code');
  });
  return code;
}

/** Publishes the project's model with its stored weights; remembers the choices and the token. */
export async function runPublish(
  form: PublishForm,
  onProgress: (p: PublishProgress) => void,
): Promise<PublishOutcome> {
  const { graph, projectId, projectName, dataset, runs } = useStudio.getState();
  onProgress({ stage: 'preparing', fraction: 0 });
  await saveToken(form.endpoint.url, form.endpoint.token);
  await savePrefs(projectId, { name: form.name, endpoint: form.endpoint.url, label: form.label });
  const [{ publishableModel }, { publish }] = await preloadPublishCode();
  const { model, release } = await publishableModel(projectId, graph, form.name, form.part);
  try {
    const inputs: ModelInput[] = model.inputs.map((t) => ({ shape: t.shape.slice(1), dtype: t.dtype }));
    const config = dataset as DatasetConfig | null;
    const loaded = await loadFittingDataset(config, inputs);
    const first = inputs[0];
    const shape = first.shape.map((d) => d ?? 1);
    const metadata = preprocessingMetadata(
      projectName,
      loaded?.config ?? config,
      { shape, dtype: first.dtype === 'int32' ? 'int32' : 'float32' },
      loaded?.format,
    );
    return await publish({
      endpoint: form.endpoint,
      name: form.name,
      label: form.label,
      model,
      metadata,
      samples: pickSamples(loaded, inputs),
      project: projectId,
      testAccuracy: latestTestAccuracy(runs),
      onProgress,
    });
  } finally {
    release();
  }
}
