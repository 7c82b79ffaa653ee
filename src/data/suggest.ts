import { featureShape } from './audio/features';
import { builtinInfo, SPAM_VOCAB, subsetSize } from './builtin/catalog';
import { splitSizes } from './split';
import type { DatasetConfig, DatasetSignature } from './types';

/** Epochs and batch size that give a first run enough optimiser steps to learn. */
export interface SuggestedSettings {
  epochs: number;
  batchSize: number;
}

/** About this many optimiser steps make a small model converge with Adam at its default learning rate. */
const TARGET_STEPS = 800;
const MIN_EPOCHS = 5;
const MAX_EPOCHS = 100;

/**
 * Settings from the training split's size: small tables get small batches and many epochs (150 rows → 100
 * epochs of batch 16), large sets keep Keras' batch 32 and a few epochs (MNIST's 55,000 training digits → 5 / 32).
 */
export function suggestSettings(trainSamples: number): SuggestedSettings {
  const n = Math.max(1, Math.round(trainSamples));
  const batchSize = n < 1000 ? 16 : 32;
  const steps = Math.ceil(n / batchSize);
  const epochs = Math.min(MAX_EPOCHS, Math.max(MIN_EPOCHS, Math.ceil(TARGET_STEPS / steps)));
  return { epochs, batchSize };
}

/** What a built-in dataset will look like once loaded (shapes, classes, id range, training size). */
export function builtinSignature(config: DatasetConfig): DatasetSignature | null {
  if (config.source.kind !== 'builtin') return null;
  const info = builtinInfo(config.source.id);
  const total = info.synthetic ? config.source.samples : info.size;
  // Fixed splits: the image sets' chosen subset (up to 55,000), the spoken digits' five training speakers (2,250 clips).
  const subset = subsetSize(info.id, config.source.samples);
  const fixedTrain = subset ?? (info.id === 'digits-audio' ? 2250 : 0);
  const trainSamples = fixedTrain || splitSizes(total, config.split).train;
  const audio = config.source.audio;
  return {
    inputShape: audio ? featureShape(audio) : info.inputShape,
    inputDtype: info.inputDtype,
    labelKind: info.labelKind,
    targetShape: [1],
    numClasses: info.classNames?.length,
    classNames: info.classNames,
    ...(info.id === 'spam' ? { indexRange: SPAM_VOCAB } : {}),
    trainSamples,
  };
}

/** The dataset's signature: measured when it was loaded, else known in advance for a built-in. */
export function signatureFor(config: DatasetConfig | null): DatasetSignature | null {
  if (!config) return null;
  return config.fitted.signature ?? builtinSignature(config);
}
