/**
 * The preprocessing that travels with a published model (its `userDefinedMetadata`): class names, normaliser
 * statistics, vocabulary and a description of the input, so a caller prepares inputs exactly as training did.
 */
import type { AudioOptions, DatasetConfig, NormaliserStats, SampleFormat } from '../data/types';

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
  /** How an image file becomes the input: resized to width×height, RGB or luma, pixel values / 255. */
  image?: { width: number; height: number; channels: 1 | 3; scale: number; resize: 'area-average' };
  /**
   * How raw audio becomes the input, before "normaliser": `audioToFeatures(channels, sampleRate, audio)` in
   * src/data/audio/features.ts (mono mix, resample, loudest `durationMs` or silence padding, peak to 1, log-mel or
   * MFCC). The server applies it to raw samples; a caller sending features applies it first.
   */
  audio?: AudioOptions;
  /**
   * Ratings (recommenders): the original user and item ids by index. The model's two Inputs take the index of the
   * user and of the item ([1] int32 each, in that order); an id not listed was never seen in training.
   */
  ids?: { users: string[]; items: string[] };
}

/** The image size of a dataset (from its loaded format, or its decoding options), or null. */
function imageOf(config: DatasetConfig | null, format: SampleFormat | undefined) {
  if (format?.kind === 'image') return format;
  if (config?.source.kind === 'images') return config.source.images;
  if (config?.source.kind === 'builtin' && config.source.id === 'mnist')
    return { width: 28, height: 28, channels: 1 as const };
  return null;
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
  if (meta.audio) {
    const a = meta.audio;
    const what =
      a.feature === 'mfcc'
        ? `${a.mfccCount} MFCCs (orthonormal DCT-II of ${a.melBands} log-mel bands)`
        : `${a.melBands} log-mel bands`;
    return `${shape.join('×')} float32: frames × ${what} of mono audio resampled to ${a.sampleRate} Hz and cut or padded to ${a.durationMs} ms (see "audio"), each value then scaled with "normaliser"`;
  }
  if (meta.ids) {
    return `[user index, item index] int32: the index of the user id in "ids.users" and of the item id in "ids.items"; the model answers the predicted rating`;
  }
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

/**
 * Builds the userDefinedMetadata for a model with input `shape` (no batch) trained on `config`; `format` (the
 * loaded dataset's) supplies column names and image sizes that the config alone does not hold.
 */
export function preprocessingMetadata(
  projectName: string,
  config: DatasetConfig | null,
  input: { shape: number[]; dtype: 'float32' | 'int32' },
  format?: SampleFormat,
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
  const columns = fitted.featureNames ?? (format?.kind === 'table' ? format.featureNames : undefined);
  if (columns) meta.featureNames = columns;
  const image = imageOf(config, format);
  if (image && input.shape.join() === [image.height, image.width, image.channels].join()) {
    const { width, height, channels } = image;
    meta.image = { width, height, channels, scale: 1 / 255, resize: 'area-average' };
  }
  if (fitted.categories) meta.categories = fitted.categories;
  if (fitted.audio) meta.audio = fitted.audio;
  if (fitted.users && fitted.items) meta.ids = { users: fitted.users, items: fitted.items };
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
