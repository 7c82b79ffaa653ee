import * as tf from '@tensorflow/tfjs';
import type { WeightSpec } from './weight-files';

/** A TF.js Layers model as files: model.json text and one weights file it names. */
export interface ModelFiles {
  modelJson: string;
  weightsName: string;
  weights: ArrayBuffer;
  /** The parsed artifacts, for callers that store them (IndexedDB) instead of downloading. */
  modelTopology: unknown;
  weightSpecs: WeightSpec[];
}

function joinBuffers(data: tf.io.WeightData | undefined): ArrayBuffer {
  if (!data) return new ArrayBuffer(0);
  if (!Array.isArray(data)) return data;
  const out = new Uint8Array(data.reduce((n, b) => n + b.byteLength, 0));
  let at = 0;
  for (const b of data) {
    out.set(new Uint8Array(b), at);
    at += b.byteLength;
  }
  return out.buffer;
}

/** Saves a model the way `tf.io.browserDownloads` does (model.json + `<base>.weights.bin`), but into memory. */
export async function exportModelFiles(model: tf.LayersModel, base = 'model'): Promise<ModelFiles> {
  let files: ModelFiles | null = null;
  const weightsName = `${base}.weights.bin`;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const weightSpecs = (artifacts.weightSpecs ?? []) as WeightSpec[];
      const json = {
        modelTopology: artifacts.modelTopology,
        format: artifacts.format,
        generatedBy: artifacts.generatedBy,
        convertedBy: artifacts.convertedBy,
        weightsManifest: [{ paths: [`./${weightsName}`], weights: weightSpecs }],
      };
      files = {
        modelJson: JSON.stringify(json),
        weightsName,
        weights: joinBuffers(artifacts.weightData),
        modelTopology: artifacts.modelTopology,
        weightSpecs,
      };
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    }),
  );
  return files!;
}
