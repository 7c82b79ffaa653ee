import { applyNormaliser } from './normalise';
import { encodeText, vocabularyIndex } from './text/tokenize';
import type { DatasetConfig } from './types';
import { DataError } from './types';

/** Encodes new text for prediction with the project's saved vocabulary, exactly as training did. */
export function prepareText(config: DatasetConfig, text: string, length: number): Int32Array {
  const vocabulary = config.fitted.vocabulary;
  if (!vocabulary)
    throw new DataError('This dataset has no vocabulary: it is not a text dataset.', {
      code: 'noVocabulary',
    });
  return encodeText(text, vocabularyIndex(vocabulary), length);
}

/** Scales one row of raw feature values with the project's saved normaliser, exactly as training did. */
export function normaliseRow(config: DatasetConfig, values: number[]): Float32Array {
  const stats = config.fitted.normaliser;
  if (stats && stats.a.length !== values.length) {
    throw new DataError(`Expected ${stats.a.length} feature values, got ${values.length}.`, {
      code: 'featureCount',
      values: { want: stats.a.length, got: values.length },
    });
  }
  return applyNormaliser(Float32Array.from(values), stats);
}
