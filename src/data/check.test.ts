import { describe, expect, it } from 'vitest';
import type { Graph } from '../graph';
import {
  addNode,
  type ChainStep,
  chain as buildChain,
  connect,
  EMPTY_GRAPH,
  inferGraph,
  updateParams,
} from '../graph';
import { type DatasetSignature, checkDatasetModel } from './check';

type Layer = [string, Record<string, unknown>?];

const chain = (layers: Layer[]) => buildChain(layers as ChainStep[]);

const mnist: DatasetSignature = {
  inputShape: [28, 28, 1],
  inputDtype: 'float32',
  labelKind: 'classes',
  targetShape: [1],
  numClasses: 10,
  classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
};
const iris: DatasetSignature = {
  ...mnist,
  inputShape: [4],
  numClasses: 3,
  classNames: ['setosa', 'versicolor', 'virginica'],
};
const check = (ds: DatasetSignature, g: Graph, loss?: string) =>
  checkDatasetModel(ds, g, inferGraph(g), loss);

const cnn = () =>
  chain([
    ['Input', { shape: [28, 28, 1] }],
    ['Conv2D', { filters: 4 }],
    ['Flatten'],
    ['Dense', { units: 10, activation: 'softmax' }],
  ]);

describe('dataset–model check', () => {
  it('passes a model that fits', () => {
    expect(check(mnist, cnn().graph, 'sparseCategoricalCrossentropy')).toEqual([]);
  });

  it('offers to set the Input shape, and the fix makes the issue go away', () => {
    const { graph, ids } = chain([
      ['Input', { shape: [784] }],
      ['Dense', { units: 10, activation: 'softmax' }],
    ]);
    const [issue] = check(mnist, graph);
    expect(issue.message).toBe(
      'Each sample is (28, 28, 1), but the Input "input" expects (784,): the model would get (None, 28, 28, 1).',
    );
    expect(issue.fix).toEqual({
      label: 'Set Input to (28, 28, 1)',
      nodeId: ids[0],
      params: { shape: [28, 28, 1], dtype: 'float32' },
    });
    const fixed = updateParams(graph, issue.fix!.nodeId, issue.fix!.params);
    expect(check(mnist, fixed).map((i) => i.message)).toEqual([
      "The model's output is (None, 28, 28, 10), but each label is one value: add Flatten or GlobalAveragePooling and a Dense layer at the end.",
    ]);
  });

  it('offers to set the last Dense to the number of classes with softmax', () => {
    const { graph, ids } = chain([
      ['Input', { shape: [4] }],
      ['Dense', { units: 10, activation: 'relu' }],
    ]);
    const [issue] = check(iris, graph);
    expect(issue.message).toMatch(
      /ends in 10 units, but the dataset has 3 classes \(setosa, versicolor, virginica\)/,
    );
    expect(issue.fix?.label).toBe('Set the last Dense to 3 units with softmax');
    expect(check(iris, updateParams(graph, ids[1], issue.fix!.params))).toEqual([]);
  });

  it('accepts one sigmoid unit for two classes and asks for int32 token ids', () => {
    const text: DatasetSignature = {
      ...iris,
      inputShape: [40],
      inputDtype: 'int32',
      numClasses: 2,
      classNames: ['ham', 'spam'],
    };
    const { graph } = chain([
      ['Input', { shape: [40] }],
      ['Embedding', { inputDim: 100, outputDim: 4 }],
      ['GlobalAveragePooling1D'],
      ['Dense', { units: 1, activation: 'sigmoid' }],
    ]);
    const issues = check(text, graph);
    expect(issues).toHaveLength(1);
    expect(issues[0].fix?.label).toBe('Set Input to (40,) int32');
  });

  it('explains regression against a classifier head and the loss', () => {
    const numeric: DatasetSignature = {
      inputShape: [4],
      inputDtype: 'float32',
      labelKind: 'numeric',
      targetShape: [1],
    };
    const { graph } = chain([
      ['Input', { shape: [4] }],
      ['Dense', { units: 3, activation: 'softmax' }],
    ]);
    const issues = check(numeric, graph, 'categoricalCrossentropy');
    expect(issues.map((i) => i.message)).toEqual([
      'The model outputs 3 values per sample, but the dataset has 1 numeric target.',
      'The loss "categoricalCrossentropy" is for classes; for numeric targets use meanSquaredError.',
    ]);
    expect(issues[0].fix?.params).toEqual({ units: 1, activation: 'linear' });
  });

  it('names a missing Input, accepts an auxiliary head on the same label, and names a head that cannot fit', () => {
    expect(check(mnist, EMPTY_GRAPH)[0].message).toMatch(/no Input layer/);
    const { graph } = cnn();
    const flatten = graph.nodes.find((n) => n.type === 'Flatten')!;
    const aux = addNode(graph, 'Dense', { x: 0, y: 0 }, { params: { units: 10, activation: 'softmax' } });
    const withAux = connect(aux.graph, flatten.id, aux.id);
    expect(check(mnist, withAux)).toEqual([]);
    const bad = addNode(withAux, 'Dense', { x: 0, y: 0 }, { params: { units: 3, activation: 'softmax' } });
    const messages = check(mnist, connect(bad.graph, flatten.id, bad.id)).map((i) => i.message);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^dense_2: /);
  });

  it('splits numeric target columns across several outputs, whose units must add up', () => {
    const pair: DatasetSignature = { ...iris, labelKind: 'numeric', targetShape: [2], numClasses: undefined };
    const { graph, ids } = chain([
      ['Input', { shape: [4] }],
      ['Dense', { units: 8, activation: 'relu' }],
    ]);
    const head = (g: Graph, units: number) => {
      const h = addNode(g, 'Dense', { x: 0, y: 0 }, { params: { units, activation: 'linear' } });
      return connect(h.graph, ids[1], h.id);
    };
    expect(check(pair, head(head(graph, 1), 1))).toEqual([]);
    expect(check(pair, head(head(graph, 2), 1))[0].message).toMatch(
      /give 3 values per sample in all.*2 numeric targets/,
    );
  });
});
