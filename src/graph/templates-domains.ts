import { addNode, connect } from './ops';
import type { ChainStep, Template } from './templates';
import type { Graph } from './types';

/** Layers top to bottom, each connected to the one before (like `chain` in templates.ts, kept here so the
 * two modules do not import each other at load time). */
function chain(steps: ChainStep[], x = 0, y0 = 0, graph: Graph = { nodes: [], edges: [] }) {
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

/** Users and items of the built-in ratings set (src/data/ratings/generate.ts keeps the same numbers). */
export const RATINGS_USERS = 300;
export const RATINGS_ITEMS = 450;
/** Side and classes of the built-in box set (src/data/boxes/synthetic.ts keeps the same numbers). */
export const BOXES_SIDE = 32;
export const BOXES_CLASSES = 3;

/** Input of the speech template: the default audio features of 1 s at 8 kHz (src/data/audio/features.ts). */
export const SPEECH_FRAMES = 61;
export const SPEECH_BANDS = 40;

/** Two id Inputs (user, item), each through its own Embedding and Flatten; returns the two branch ends. */
function idBranches(dim: number): { graph: Graph; user: string; item: string } {
  const u = chain([
    ['Input', { shape: [1], dtype: 'int32' }, 'user'],
    ['Embedding', { inputDim: RATINGS_USERS, outputDim: dim }, 'user_embedding'],
    ['Flatten', {}, 'user_vector'],
  ]);
  const i = chain(
    [
      ['Input', { shape: [1], dtype: 'int32' }, 'item'],
      ['Embedding', { inputDim: RATINGS_ITEMS, outputDim: dim }, 'item_embedding'],
      ['Flatten', {}, 'item_vector'],
    ],
    300,
    0,
    u.graph,
  );
  return { graph: i.graph, user: u.ids[2], item: i.ids[2] };
}

/** Joins the two id branches with `join` and continues with `rest`. */
function joined(dim: number, rest: ChainStep[]): Graph {
  const b = idBranches(dim);
  const tail = chain(rest, 150, 340, b.graph);
  return connect(connect(tail.graph, b.user, tail.ids[0]), b.item, tail.ids[0]);
}

/** Templates of the applied domains: recommendation and object localisation. */
export const DOMAIN_TEMPLATES: readonly Template[] = [
  {
    id: 'matrix-factorisation',
    title: 'Matrix factorisation',
    description:
      'Recommendation: user and item ids → two Embeddings → Dot → rating (for the "Movie ratings" set).',
    recommended: { dataset: 'ratings', settings: { epochs: 10, batchSize: 64, learningRate: 0.01 } },
    build: () =>
      joined(16, [
        ['Dot', { axes: [1, 1] }, 'affinity'],
        ['Dense', { units: 1 }, 'rating'],
      ]),
  },
  {
    id: 'neural-recommender',
    title: 'Neural recommender',
    description: 'Recommendation: user and item Embeddings → Concatenate → a Dense tower → rating.',
    recommended: { dataset: 'ratings', settings: { epochs: 10, batchSize: 64, learningRate: 0.003 } },
    build: () =>
      joined(16, [
        ['Concatenate', {}, 'pair'],
        ['Dense', { units: 64, activation: 'relu' }],
        ['Dense', { units: 32, activation: 'relu' }],
        ['Dense', { units: 1 }, 'rating'],
      ]),
  },
  {
    id: 'single-object-localiser',
    title: 'Single-object localiser',
    description:
      'Object localisation: a CNN with two heads, a box (4 numbers, sigmoid) and a class (softmax), each with its own loss.',
    recommended: { dataset: 'boxes', settings: { epochs: 10, batchSize: 32, learningRate: 0.002 } },
    build: () => {
      const body = chain([
        ['Input', { shape: [BOXES_SIDE, BOXES_SIDE, 1] }, 'image'],
        ['Conv2D', { filters: 8, kernelSize: [3, 3], padding: 'same', activation: 'relu' }],
        ['MaxPooling2D', { poolSize: [2, 2], strides: [2, 2] }],
        ['Conv2D', { filters: 16, kernelSize: [3, 3], padding: 'same', activation: 'relu' }],
        ['MaxPooling2D', { poolSize: [2, 2], strides: [2, 2] }],
        ['Flatten'],
        ['Dense', { units: 64, activation: 'relu' }],
      ]);
      const box = chain([['Dense', { units: 4, activation: 'sigmoid' }, 'box']], -120, 800, body.graph);
      const cls = chain(
        [['Dense', { units: BOXES_CLASSES, activation: 'softmax' }, 'class']],
        160,
        800,
        box.graph,
      );
      const top = body.ids[body.ids.length - 1];
      return connect(connect(cls.graph, top, box.ids[0]), top, cls.ids[0]);
    },
  },
  {
    id: 'speech-commands-cnn',
    title: 'Speech commands CNN',
    description:
      'Speech: a log-mel spectrogram (61 frames × 40 mel bands) → three Conv2D blocks → Dense → 10 words (for the "Spoken digits" set).',
    recommended: { dataset: 'digits-audio', settings: { epochs: 8, batchSize: 32, learningRate: 0.001 } },
    build: () =>
      chain([
        ['Input', { shape: [SPEECH_FRAMES, SPEECH_BANDS, 1] }, 'spectrogram'],
        ['Conv2D', { filters: 16, kernelSize: [3, 3], padding: 'same', activation: 'relu' }],
        ['MaxPooling2D', { poolSize: [2, 2], strides: [2, 2] }],
        ['Conv2D', { filters: 32, kernelSize: [3, 3], padding: 'same', activation: 'relu' }],
        ['MaxPooling2D', { poolSize: [2, 2], strides: [2, 2] }],
        ['Conv2D', { filters: 64, kernelSize: [3, 3], padding: 'same', activation: 'relu' }],
        ['MaxPooling2D', { poolSize: [2, 2], strides: [2, 2] }],
        ['Flatten'],
        ['Dropout', { rate: 0.3 }],
        ['Dense', { units: 64, activation: 'relu' }],
        ['Dense', { units: 10, activation: 'softmax' }, 'digit'],
      ]).graph,
  },
];
