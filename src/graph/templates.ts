import { addNode, connect } from './ops';
import { AGENT_TEMPLATES } from './templates-agents';
import { DOMAIN_TEMPLATES } from './templates-domains';
import { GENERATIVE_TEMPLATES } from './templates-generative';
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

/** Training settings a template recommends (the rest keep the studio's defaults). */
export interface TemplateSettings {
  epochs?: number;
  batchSize?: number;
  learningRate?: number;
  /** The learning-rate schedule (the training config's `schedule`); absent = leave it as it is. */
  schedule?: 'constant' | 'step' | 'exponential' | 'cosine';
  /** What a training step learns (the training config's `objective`); absent = supervised. */
  objective?: 'supervised' | 'autoencoder' | 'vae' | 'gan';
  /** GAN settings (the training config's `generative`): the two optimisers' learning rates. */
  generative?: { generatorLearningRate?: number; discriminatorLearningRate?: number };
}

export interface Template {
  id: string;
  title: string;
  description: string;
  /** The built-in dataset (by id) the template trains on as it is, and the settings that train it well. */
  recommended?: { dataset: string; settings: TemplateSettings };
  build(): Graph;
}

/** The templates gallery: each builds a complete, error-free graph. */
export const TEMPLATES: readonly Template[] = [
  {
    id: 'reference-cnn',
    title: 'CNN for MNIST digits',
    description: 'The Keras MNIST example: Conv2D 32 3×3 → MaxPooling2D → Flatten → Dense 10 softmax.',
    recommended: { dataset: 'mnist', settings: { epochs: 5, batchSize: 32 } },
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
    recommended: { dataset: 'iris', settings: { epochs: 100, batchSize: 16, learningRate: 0.01 } },
    build: () =>
      chain([
        ['Input', { shape: [4] }],
        ['Dense', { units: 16, activation: 'relu' }],
        ['Dense', { units: 16, activation: 'relu' }],
        ['Dense', { units: 3, activation: 'softmax' }],
      ]).graph,
  },
  {
    id: 'spiral-mlp',
    title: 'MLP for 2-D points',
    description: 'x, y → two hidden Dense layers of 32 → 2 classes: separates the two interleaved spirals.',
    recommended: { dataset: 'spirals', settings: { epochs: 40, batchSize: 16, learningRate: 0.01 } },
    build: () =>
      chain([
        ['Input', { shape: [2] }],
        ['Dense', { units: 32, activation: 'relu' }],
        ['Dense', { units: 32, activation: 'relu' }],
        ['Dense', { units: 2, activation: 'softmax' }],
      ]).graph,
  },
  {
    id: 'lstm-text',
    title: 'LSTM text classifier',
    description:
      'Token ids → Embedding → LSTM (every step) → GlobalMaxPooling1D → Dense: classifies e-mails as ham or spam (100 ids, 5,000 words).',
    recommended: { dataset: 'spam', settings: { epochs: 2, batchSize: 128, learningRate: 0.01 } },
    // The LSTM returns every step and the pooling keeps each unit's strongest response anywhere in the e-mail:
    // the gradient reaches every word, not only the last state (which reached 88 % after one epoch, this 97 %).
    build: () =>
      chain([
        ['Input', { shape: [100], dtype: 'int32' }],
        ['Embedding', { inputDim: 5000, outputDim: 32 }],
        ['LSTM', { units: 32, returnSequences: true }],
        ['GlobalMaxPooling1D'],
        ['Dense', { units: 2, activation: 'softmax' }],
      ]).graph,
  },
  {
    id: 'conv-autoencoder',
    title: 'Convolutional autoencoder',
    description: 'Compresses 28×28 images to a small code and reconstructs them.',
    recommended: { dataset: 'mnist', settings: { epochs: 5, batchSize: 32, objective: 'autoencoder' } },
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
    description: 'Two convolutions with a skip connection joined by Add (ResNet style), on MNIST digits.',
    recommended: { dataset: 'mnist', settings: { epochs: 3, batchSize: 32 } },
    build: () => {
      // The first convolution strides by 2 (28×28 → 14×14): a quarter of the work, as ResNet's stem does.
      const { graph, ids } = chain([
        ['Input', { shape: [28, 28, 1] }],
        ['Conv2D', { filters: 16, kernelSize: [3, 3], strides: [2, 2], padding: 'same', activation: 'relu' }],
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
    description:
      'Two Inputs, one per branch, joined by Concatenate: Iris sepal (length, width) and petal measurements.',
    // A sample's values are cut across the Inputs in order: Iris's 4 columns become sepal [2] and petal [2].
    recommended: { dataset: 'iris', settings: { epochs: 100, batchSize: 16, learningRate: 0.01 } },
    build: () => {
      const a = chain([
        ['Input', { shape: [2] }, 'sepal'],
        ['Dense', { units: 8, activation: 'relu' }],
      ]);
      const b = chain(
        [
          ['Input', { shape: [2] }, 'petal'],
          ['Dense', { units: 8, activation: 'relu' }],
        ],
        300,
        0,
        a.graph,
      );
      const c = chain([['Concatenate'], ['Dense', { units: 3, activation: 'softmax' }]], 150, 330, b.graph);
      let g = connect(c.graph, a.ids[1], c.ids[0]);
      g = connect(g, b.ids[1], c.ids[0]);
      return g;
    },
  },
  ...DOMAIN_TEMPLATES,
  ...AGENT_TEMPLATES,
  ...GENERATIVE_TEMPLATES,
];
