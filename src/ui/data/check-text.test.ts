/** The dataset–model check in both languages: English exactly as src/data words it, Chinese with the same figures. */
import { afterAll, describe, expect, it } from 'vitest';
import { checkDatasetModel, type DatasetSignature } from '../../data';
import { type Graph, type GraphNode, inferGraph } from '../../graph';
import { i18n } from '../../i18n';
import { checkFixLabel, checkMessage } from './check-text';

const mnist: DatasetSignature = {
  inputShape: [28, 28, 1],
  inputDtype: 'float32',
  labelKind: 'classes',
  targetShape: [],
  numClasses: 10,
  classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
};

const node = (id: string, type: string, params: Record<string, unknown>): GraphNode => ({
  id,
  type,
  name: id,
  params: params as GraphNode['params'],
  position: { x: 0, y: 0 },
});

/** Input (784,) → Dense(5, relu): a flat input and a head that fits neither the classes nor softmax. */
const graph: Graph = {
  nodes: [node('in', 'Input', { shape: [784] }), node('out', 'Dense', { units: 5, activation: 'relu' })],
  edges: [{ id: 'e', source: 'in', target: 'out', targetPort: 0 }],
};

function issues() {
  return checkDatasetModel(mnist, graph, inferGraph(graph), 'meanSquaredError');
}

describe('dataset–model check text', () => {
  afterAll(() => void i18n.changeLanguage('en'));

  it('keeps the English sentences and fix labels of src/data', async () => {
    await i18n.changeLanguage('en');
    const found = issues();
    expect(found.map(checkMessage)).toEqual(found.map((i) => i.message));
    expect(checkFixLabel(found[0].fix!)).toBe('Set Input to (28, 28, 1)');
  });

  it('says each issue and its fix in Chinese with the shapes and counts', async () => {
    await i18n.changeLanguage('zh-CN');
    const [input, head, loss] = issues();
    expect(checkMessage(input)).toBe(
      '每个样本是 (28, 28, 1)，但 Input“in”期望 (784,)：模型会收到 (None, 28, 28, 1)。',
    );
    expect(checkFixLabel(input.fix!)).toBe('把 Input 设为 (28, 28, 1)');
    expect(checkMessage(head)).toBe('模型最后有 5 个单元，但数据集有 10 个类别 (0, 1, 2, 3, 4, …)。');
    expect(checkFixLabel(head.fix!)).toBe('把最后的 Dense 设为 10 个单元、softmax');
    expect(checkMessage(loss)).toBe(
      '损失函数“meanSquaredError”用于数值目标；类别请使用 sparseCategoricalCrossentropy。',
    );
  });
});
