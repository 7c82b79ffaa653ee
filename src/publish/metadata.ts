/**
 * The preprocessing that travels with a published model (its `userDefinedMetadata`): class names, normaliser
 * statistics, vocabulary and a description of the input, so a caller prepares inputs exactly as training did.
 */
import type { DatasetConfig, NormaliserStats } from '../data/types';

/** What the studio stores in `userDefinedMetadata` (read it back from the version's metadata or model.json). */
export interface PreprocessingMetadata {
  format: 'model-studio/preprocessing';
  version: 1;
  project: string;
  dataset: string | null;
  input: { shape: number[]; dtype: 'float32' | 'int32'; description: string };
  output: { kind: 'classes' | 'numeric' | 'unknown'; description: string };
  classNames?: string[];
  normaliser?: NormaliserStats;
  featureNames?: string[];
  categories?: Record<string, string[]>;
  vocabulary?: string[];
  text?: { lowercase: true; tokens: string; padId: 0; oovId: 1; length: number };
}

function datasetName(config: DatasetConfig): string {
  const s = config.source;
  return s.kind === 'builtin' ? s.id : s.fileName;
}

function inputDescription(
  config: DatasetConfig | null,
  shape: number[],
  meta: PreprocessingMetadata,
): string {
  if (meta.vocabulary) {
    return `token ids: lowercase the text, split into words ([letters/digits]+), map each word to its index in "vocabulary" (unknown → 1), pad with 0 / cut to ${shape[0]} ids`;
  }
  if (meta.normaliser) {
    const how = meta.normaliser.kind === 'zscore' ? '(x - mean) / std' : '(x - min) / (max - min)';
    return `${shape.join('×')} float32 features, each scaled as ${how} with "normaliser" a (mean or min) and b (std or range)`;
  }
  if (
    config?.source.kind === 'images' ||
    (config?.source.kind === 'builtin' && config.source.id === 'mnist')
  ) {
    return `an image as ${shape.join('×')} float32 pixels in [0, 1] (height × width × channels)`;
  }
  return `${shape.join('×')} float32 values, as the dataset provides them`;
}

/** Builds the userDefinedMetadata for a model with input `shape` (no batch) trained on `config`. */
export function preprocessingMetadata(
  projectName: string,
  config: DatasetConfig | null,
  input: { shape: number[]; dtype: 'float32' | 'int32' },
): PreprocessingMetadata {
  const fitted = config?.fitted ?? {};
  const classNames = fitted.classNames ?? fitted.signature?.classNames;
  const labelKind = fitted.signature?.labelKind;
  const meta: PreprocessingMetadata = {
    format: 'model-studio/preprocessing',
    version: 1,
    project: projectName,
    dataset: config ? datasetName(config) : null,
    input: { ...input, description: '' },
    output: {
      kind: classNames ? 'classes' : (labelKind ?? 'unknown'),
      description: classNames
        ? 'one probability (or score) per class, in the order of "classNames"; the prediction is the largest'
        : 'the predicted target value(s)',
    },
  };
  if (classNames) meta.classNames = classNames;
  if (fitted.normaliser) meta.normaliser = fitted.normaliser;
  if (fitted.featureNames) meta.featureNames = fitted.featureNames;
  if (fitted.categories) meta.categories = fitted.categories;
  if (fitted.vocabulary) {
    meta.vocabulary = fitted.vocabulary;
    meta.text = {
      lowercase: true,
      tokens: "[\\p{L}\\p{N}]+(?:'[\\p{L}]+)?",
      padId: 0,
      oovId: 1,
      length: input.shape[0],
    };
  }
  meta.input.description = inputDescription(config, input.shape, meta);
  return meta;
}
