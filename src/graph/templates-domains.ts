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

/**
 * Two id Inputs (user, item), each through its own Embedding and Flatten (and Dropout at `dropout` > 0, which
 * keeps a few ratings per user from being memorised); returns the Inputs and the branch ends.
 */
function idBranches(dim: number, dropout: number) {
  const branch = (who: 'user' | 'item', n: number, x: number, graph?: Graph) =>
    chain(
      [
        ['Input', { shape: [1], dtype: 'int32' }, who],
        ['Embedding', { inputDim: n, outputDim: dim }, `${who}_embedding`],
        ['Flatten', {}, `${who}_vector`],
        ...(dropout > 0 ? [['Dropout', { rate: dropout }, `${who}_dropout`] as ChainStep] : []),
      ],
      x,
      0,
      graph,
    );
  const u = branch('user', RATINGS_USERS, 0);
  const i = branch('item', RATINGS_ITEMS, 300, u.graph);
  return { graph: i.graph, inputs: [u.ids[0], i.ids[0]], user: u.ids.at(-1)!, item: i.ids.at(-1)! };
}

/**
 * Joins the two id branches with `rest`, then adds a learnt bias per user and per item (Embedding of width 1
 * from the same Inputs) to its output: rating = f(user, item) + b_user + b_item. Any Dense(1) in `rest` holds the
 * global bias. Biases explain much of a rating (a generous user, a well-liked item) and learn fast, so the
 * model passes the mean-rating baseline within the first epoch while the factors are still small.
 */
function joined(dim: number, rest: ChainStep[], dropout = 0): Graph {
  const b = idBranches(dim, dropout);
  const top = dropout > 0 ? 450 : 340;
  const tail = chain(rest, 150, top, b.graph);
  let g = connect(connect(tail.graph, b.user, tail.ids[0]), b.item, tail.ids[0]);
  const bias = (input: string, n: number, who: string, x: number) => {
    const branch = chain(
      [
        ['Embedding', { inputDim: n, outputDim: 1 }, `${who}_bias`],
        ['Flatten', {}, `${who}_bias_value`],
      ],
      x,
      110,
      g,
    );
    g = connect(branch.graph, input, branch.ids[0]);
    return branch.ids[1];
  };
  const userBias = bias(b.inputs[0], RATINGS_USERS, 'user', -300);
  const itemBias = bias(b.inputs[1], RATINGS_ITEMS, 'item', 600);
  const sum = chain([['Add', {}, 'rating']], 150, top + rest.length * 110, g);
  g = connect(sum.graph, tail.ids[tail.ids.length - 1], sum.ids[0]);
  return connect(connect(g, userBias, sum.ids[0]), itemBias, sum.ids[0]);
}

/** Templates of the applied domains: recommendation and object localisation. */
export const DOMAIN_TEMPLATES: readonly Template[] = [
  {
    id: 'matrix-factorisation',
    title: 'Matrix factorisation',
    description:
      'Recommendation: user and item ids → two Embeddings → Dot, plus a learnt bias per user and per item → rating (for the "Movie ratings" set).',
    // Measured (bench/domains-recommend.ts, 15k ratings): held-out RMSE 0.73 after 1 epoch, ~0.60 from epoch 5 on.
    recommended: { dataset: 'ratings', settings: { epochs: 6, batchSize: 64, learningRate: 0.03 } },
    build: () =>
      joined(
        16,
        [
          ['Dot', { axes: [1, 1] }, 'affinity'],
          ['Dense', { units: 1 }, 'scaled_affinity'],
        ],
        0.3,
      ),
  },
  {
    id: 'neural-recommender',
    title: 'Neural recommender',
    description:
      'Recommendation: user and item Embeddings → Concatenate → a Dense tower, plus a learnt bias per user and per item → rating.',
    recommended: { dataset: 'ratings', settings: { epochs: 10, batchSize: 64, learningRate: 0.003 } },
    build: () =>
      joined(16, [
        ['Concatenate', {}, 'pair'],
        ['Dense', { units: 64, activation: 'relu' }],
        ['Dense', { units: 32, activation: 'relu' }],
        ['Dense', { units: 1 }, 'interaction'],
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
