// The models and random data of `npm run bench:gpu` (the three the GPU measurements of issue 14 used).
import { chain } from '../../../../graph/templates';
import { TEMPLATES } from '../../../../graph';
import type { Graph } from '../../../../graph';
import type { TrainingData } from '../../feed';

export interface BenchModel {
  id: string;
  title: string;
  inputShape: number[];
  build(): Graph;
}

export const BENCH_MODELS: BenchModel[] = [
  {
    id: 'reference-cnn',
    title: 'reference CNN (Conv2D 32 3×3 → MaxPool 2 → Flatten → Dense 10)',
    inputShape: [28, 28, 1],
    build: () => TEMPLATES.find((t) => t.id === 'reference-cnn')!.build(),
  },
  {
    id: 'mlp',
    title: 'MLP 784-128-10',
    inputShape: [784],
    build: () =>
      chain([
        ['Input', { shape: [784] }],
        ['Dense', { units: 128, activation: 'relu' }],
        ['Dense', { units: 10, activation: 'softmax' }],
      ]).graph,
  },
  {
    id: 'vgg',
    title: 'VGG-style 32×32×3 (Conv 32-32-pool-64-64-pool, Dense 256, 10)',
    inputShape: [32, 32, 3],
    build: () =>
      chain([
        ['Input', { shape: [32, 32, 3] }],
        ['Conv2D', { filters: 32, kernelSize: [3, 3], padding: 'same', activation: 'relu' }],
        ['Conv2D', { filters: 32, kernelSize: [3, 3], padding: 'same', activation: 'relu' }],
        ['MaxPooling2D', { poolSize: [2, 2], strides: [2, 2] }],
        ['Conv2D', { filters: 64, kernelSize: [3, 3], padding: 'same', activation: 'relu' }],
        ['Conv2D', { filters: 64, kernelSize: [3, 3], padding: 'same', activation: 'relu' }],
        ['MaxPooling2D', { poolSize: [2, 2], strides: [2, 2] }],
        ['Flatten'],
        ['Dense', { units: 256, activation: 'relu' }],
        ['Dense', { units: 10, activation: 'softmax' }],
      ]).graph,
  },
];

/** Random inputs in [0, 1) and random labels of 10 classes, `n` training samples. */
export function randomData(inputShape: number[], n: number, seed = 1): TrainingData {
  const size = inputShape.reduce((a, b) => a * b, 1);
  let s = seed;
  const rand = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const split = (count: number) => ({
    x: Float32Array.from({ length: count * size }, rand),
    y: Int32Array.from({ length: count }, () => Math.floor(rand() * 10)),
    count,
  });
  return {
    inputShape,
    inputDtype: 'float32',
    labelKind: 'classes',
    targetShape: [1],
    numClasses: 10,
    augment: null,
    train: split(n),
    val: split(Math.min(n, 32)),
    test: split(Math.min(n, 32)),
  } as TrainingData;
}
