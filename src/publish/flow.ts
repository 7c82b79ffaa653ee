/**
 * One publish, start to finish: upload with tf.io.http, the parity check, the note stored with the version,
 * the label (only when parity is ok) and the snippets. Loads tfjs: the UI imports this module lazily.
 */
import type * as tf from '@tensorflow/tfjs';
import { putNotes, setLabel } from './api';
import type { PreprocessingMetadata } from './metadata';
import { browserPredict, checkParity } from './parity';
import { rawSample, rawV2Inputs } from './raw';
import { nestedSample, type Samples, sliceSamples } from './samples';
import { type Snippet, snippets } from './snippets';
import type { Endpoint, ParityResult, PublishedVersion, PublishNotes, PublishProgress } from './types';
import { uploadModel } from './upload';

/** Everything one publish needs. */
export interface PublishRequest {
  endpoint: Endpoint;
  name: string;
  /** '' for no label. */
  label: string;
  model: tf.LayersModel;
  metadata: PreprocessingMetadata;
  /** Inputs for the parity check; the first one is the snippets' sample. */
  samples: Samples;
  project: string | null;
  testAccuracy: number | null;
  onProgress?(progress: PublishProgress): void;
}

/** What a publish achieved; after the upload nothing throws: later problems are reported here. */
export interface PublishOutcome {
  published: PublishedVersion;
  parity: ParityResult | null;
  /** Why the parity check or the note could not be done. */
  parityError: string | null;
  /** The label now pointing at the version, or null. */
  labelled: string | null;
  /** Why the label was not set (parity failed, or the endpoint refused). */
  labelNote: string | null;
  snippets: Snippet[];
  /** The browser's prediction for the snippets' sample (first output), to compare with what curl prints. */
  expected: number[];
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

async function parityAndNotes(req: PublishRequest, published: PublishedVersion, browser: Float32Array[]) {
  let parity: ParityResult | null = null;
  let parityError: string | null = null;
  try {
    parity = await checkParity(
      req.endpoint,
      req.name,
      published.version,
      published.inputs,
      req.samples,
      browser,
      req.metadata,
    );
  } catch (e) {
    parityError = `The parity check could not run: ${messageOf(e)}`;
  }
  const notes: PublishNotes = {
    studio: 'model-studio/publish',
    publishedAt: new Date().toISOString(),
    bytes: published.bytes,
    project: req.project,
    testAccuracy: req.testAccuracy,
    parity,
  };
  try {
    await putNotes(req.endpoint, req.name, published.version, notes);
  } catch (e) {
    parityError =
      `${parityError ?? ''} The result could not be stored with the version: ${messageOf(e)}`.trim();
  }
  return { parity, parityError };
}

async function label(req: PublishRequest, version: number, parity: ParityResult | null) {
  if (!req.label) return { labelled: null, labelNote: null };
  if (parity?.status !== 'ok') {
    return {
      labelled: null,
      labelNote: `Version ${version} was not labelled "${req.label}" because its parity check did not pass.`,
    };
  }
  try {
    await setLabel(req.endpoint, req.name, req.label, version);
    return { labelled: req.label, labelNote: null };
  } catch (e) {
    return { labelled: null, labelNote: messageOf(e) };
  }
}

/** Publishes, checks parity, stores the result with the version, labels it when parity is ok. */
export async function publish(req: PublishRequest): Promise<PublishOutcome> {
  const report = (stage: PublishProgress['stage'], fraction: number) => req.onProgress?.({ stage, fraction });
  report('preparing', 0);
  const published = await uploadModel(
    req.endpoint,
    req.name,
    req.model,
    req.metadata as unknown as Record<string, unknown>,
    {
      onProgress: (f) => report('uploading', f),
      onSent: () => report('checking', 1),
    },
  );
  report('parity', 1);
  const browser = await browserPredict(req.model, req.samples);
  const { parity, parityError } = await parityAndNotes(req, published, browser);
  report('labelling', 1);
  const { labelled, labelNote } = await label(req, published.version, parity);
  report('done', 1);
  const one = sliceSamples(req.samples, 0, 1);
  const first = one.inputs[0];
  const perSample = browser[0].length / req.samples.count;
  return {
    published,
    parity,
    parityError,
    labelled,
    labelNote,
    expected: Array.from(browser[0].subarray(0, perSample)),
    snippets: snippets({
      urls: published.urls,
      token: req.endpoint.token,
      input: published.inputs[0],
      sample: nestedSample(first, 0),
      raw: rawSample(req.metadata, one, 0),
      rawV2: rawV2Inputs(req.metadata, one, published.inputs),
      sampleShape: first.shape,
      metadata: req.metadata,
      sampleSource:
        req.samples.source === 'test split' ? 'the first test sample of the dataset' : 'a generated input',
      layerClasses: req.model.layers.map((l) => l.getClassName()),
      inputSamples: one.inputs.map((b) => ({ sample: nestedSample(b, 0), dtype: b.dtype })),
    }),
  };
}
