import { addNode, connect } from './ops';
import type { Graph, Params } from './types';

/** One layer of a chain: its type, params and optional name. */
export type ChainStep = [type: string, params?: Params, name?: string];
type Step = ChainStep;

/** Builds a chain of layers top to bottom (each connected to the one before); returns the graph and node ids. */
export function chain(
  steps: Step[],
  x = 0,
  y0 = 0,
  graph: Graph = { nodes: [], edges: [] },
): { graph: Graph; ids: string[] } {
  let g = graph;
  const ids: string[] = [];
  steps.forEach(([type, params, name], i) => {
    const added = addNode(g, type, { x, y: y0 + i * 110 }, { params, name });
    g = added.graph;
    if (ids.length) g = connect(g, ids[ids.length - 1], added.id);
    ids.push(added.id);
  });
  return { graph: g, ids };
}

export interface Template {
  id: string;
  title: string;
  description: string;
  build(): Graph;
}

/** The templates gallery: each builds a complete, error-free graph. */
export const TEMPLATES: readonly Template[] = [
  {
    id: 'reference-cnn',
    title: 'CNN for MNIST digits',
    description: 'The Keras MNIST example: Conv2D 32 3×3 → MaxPooling2D → Flatten → Dense 10 softmax.',
    build: () =>
      chain([
        ['Input', { shape: [28, 28, 1] }],
        ['Conv2D', { filters: 32, kernelSize: [3, 3], activation: 'relu' }],
        ['MaxPooling2D', { poolSize: [2, 2], strides: [2, 2] }],
        ['Flatten'],
        ['Dense', { units: 10, activation: 'softmax' }],
      ]).graph,
  },
  {
    id: 'tabular-mlp',
    title: 'MLP for tabular data',
    description: '4 features → two hidden Dense layers → 3 classes (Iris).',
    build: () =>
      chain([
        ['Input', { shape: [4] }],
        ['Dense', { units: 16, activation: 'relu' }],
        ['Dense', { units: 16, activation: 'relu' }],
        ['Dense', { units: 3, activation: 'softmax' }],
      ]).graph,
  },
  {
    id: 'lstm-text',
    title: 'LSTM text classifier',
    description: 'Token ids → Embedding → LSTM → Dense: classifies short texts.',
    build: () =>
      chain([
        ['Input', { shape: [40], dtype: 'int32' }],
        ['Embedding', { inputDim: 2000, outputDim: 32 }],
        ['LSTM', { units: 32 }],
        ['Dense', { units: 2, activation: 'softmax' }],
      ]).graph,
  },
  {
    id: 'conv-autoencoder',
    title: 'Convolutional autoencoder',
    description: 'Compresses 28×28 images to a small code and reconstructs them.',
    build: () =>
      chain([
        ['Input', { shape: [28, 28, 1] }],
        ['Conv2D', { filters: 16, kernelSize: [3, 3], padding: 'same', activation: 'relu' }],
        ['MaxPooling2D', { poolSize: [2, 2], strides: [2, 2] }],
        ['Conv2D', { filters: 8, kernelSize: [3, 3], padding: 'same', activation: 'relu' }],
        ['MaxPooling2D', { poolSize: [2, 2], strides: [2, 2] }],
        [
          'Conv2DTranspose',
          { filters: 8, kernelSize: [3, 3], strides: [2, 2], padding: 'same', activation: 'relu' },
        ],
        [
          'Conv2DTranspose',
          { filters: 16, kernelSize: [3, 3], strides: [2, 2], padding: 'same', activation: 'relu' },
        ],
        ['Conv2D', { filters: 1, kernelSize: [3, 3], padding: 'same', activation: 'sigmoid' }],
      ]).graph,
  },
  {
    id: 'residual-block',
    title: 'Residual block',
    description: 'Two convolutions with a skip connection joined by Add (ResNet style).',
    build: () => {
      const { graph, ids } = chain([
        ['Input', { shape: [32, 32, 3] }],
        ['Conv2D', { filters: 16, kernelSize: [3, 3], padding: 'same', activation: 'relu' }],
        ['Conv2D', { filters: 16, kernelSize: [3, 3], padding: 'same', activation: 'relu' }],
        ['Conv2D', { filters: 16, kernelSize: [3, 3], padding: 'same', activation: 'linear' }],
        ['Add'],
        ['ReLU'],
        ['GlobalAveragePooling2D'],
        ['Dense', { units: 10, activation: 'softmax' }],
      ]);
      return connect(graph, ids[1], ids[4]);
    },
  },
  {
    id: 'two-input',
    title: 'Two-input model',
    description: 'An image branch and a tabular branch joined by Concatenate.',
    build: () => {
      const a = chain([
        ['Input', { shape: [28, 28, 1] }, 'image'],
        ['Conv2D', { filters: 8, kernelSize: [3, 3], activation: 'relu' }],
        ['GlobalAveragePooling2D'],
      ]);
      const b = chain(
        [
          ['Input', { shape: [4] }, 'features'],
          ['Dense', { units: 8, activation: 'relu' }],
        ],
        300,
        0,
        a.graph,
      );
      const c = chain([['Concatenate'], ['Dense', { units: 3, activation: 'softmax' }]], 150, 330, b.graph);
      let g = connect(c.graph, a.ids[2], c.ids[0]);
      g = connect(g, b.ids[1], c.ids[0]);
      return g;
    },
  },
];
