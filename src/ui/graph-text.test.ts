/**
 * Text from src/graph in the UI language: every layer description and parameter help has its English in the
 * `layers` catalog (so it is translated), and every coded shape error renders, from its code and values, exactly
 * the graph's English sentence in English and a Chinese sentence with the same numbers in zh-CN.
 */
import { afterAll, describe, expect, it } from 'vitest';
import {
  ALL_LAYERS,
  bool,
  checkParam,
  float,
  type Graph,
  type GraphNode,
  inferGraph,
  int,
  intList,
  intTuple,
  layerParam,
  type NodeInfo,
  oneOf,
  optionalInt,
  type ParamDef,
  connect,
  GraphEditError,
  renameNode,
} from '../graph';
import { i18n } from '../i18n';
import { en } from '../i18n/resources';
import { fixLabel, layerDescription, paramHelp, paramMessage, shapeMessage } from './graph-text';

const node = (id: string, type: string, params: Record<string, unknown> = {}): GraphNode => ({
  id,
  type,
  name: id,
  params: params as GraphNode['params'],
  position: { x: 0, y: 0 },
});

/** A chain input → …layers, each fed by the one before; returns the last node's info. */
function chain(shape: number[], ...layers: [string, Record<string, unknown>?][]): NodeInfo {
  const nodes = [node('in', 'Input', { shape }), ...layers.map(([type, p], i) => node(`n${i}`, type, p))];
  const edges = nodes
    .slice(1)
    .map((n, i) => ({ id: `e${i}`, source: nodes[i].id, target: n.id, targetPort: 0 }));
  const info = inferGraph({ nodes, edges }).nodes.get(nodes[nodes.length - 1].id);
  if (!info) throw new Error('no info');
  return info;
}

function graphInfo(graph: Graph, id: string): NodeInfo {
  const info = inferGraph(graph).nodes.get(id);
  if (!info) throw new Error('no info');
  return info;
}

/** One problem of each coded kind, as the canvas would show it. */
const problems: Record<string, () => NodeInfo> = {
  imageRankFix: () => chain([784], ['Conv2D']),
  sequenceRankFix: () => chain([5], ['Conv1D']),
  tooSmall: () => chain([3, 3, 1], ['Conv2D', { kernelSize: [5, 5] }]),
  kernelTooBig: () => chain([3, 1], ['Conv1D', { kernelSize: 5 }]),
  windowTooBig: () => chain([2, 2, 1], ['MaxPooling2D', { poolSize: [4, 4] }]),
  flattenFlat: () => chain([10], ['Flatten']),
  needsInput: () => graphInfo({ nodes: [node('d', 'Dense')], edges: [] }, 'd'),
  unknownType: () => graphInfo({ nodes: [node('x', 'NoSuchLayer')], edges: [] }, 'x'),
  takesAtMost: () =>
    graphInfo(
      {
        nodes: [node('a', 'Input', { shape: [3] }), node('b', 'Input', { shape: [3] }), node('d', 'Dense')],
        edges: [
          { id: 'e1', source: 'a', target: 'd', targetPort: 0 },
          { id: 'e2', source: 'b', target: 'd', targetPort: 1 },
        ],
      },
      'd',
    ),
  waiting: () => chain([10], ['Flatten'], ['Dense']),
  cycle: () =>
    graphInfo(
      {
        nodes: [node('a', 'Dense'), node('b', 'Dense')],
        edges: [
          { id: 'e1', source: 'a', target: 'b', targetPort: 0 },
          { id: 'e2', source: 'b', target: 'a', targetPort: 0 },
        ],
      },
      'a',
    ),
};

describe('graph text in the UI language', () => {
  afterAll(() => void i18n.changeLanguage('en'));

  it('has every layer description and parameter help of src/graph in the English catalog', () => {
    const helps = new Set<string>([...Object.values(en.layers.help), ...Object.values(en.layers.helpFor)]);
    const missing: string[] = [];
    for (const spec of ALL_LAYERS) {
      if ((en.layers.description as Record<string, string>)[spec.type] !== spec.description)
        missing.push(`${spec.type}: ${spec.description}`);
      for (const [name, def] of Object.entries(spec.params as Record<string, ParamDef>))
        if (def.help && !helps.has(def.help)) missing.push(`${spec.type}.${name}: ${def.help}`);
    }
    expect(missing).toEqual([]);
  });

  it('renders each coded shape error exactly as the graph words it in English', async () => {
    await i18n.changeLanguage('en');
    for (const [code, make] of Object.entries(problems)) {
      const info = make();
      expect(info.detail?.code, code).toBe(code);
      const t = i18n.getFixedT('en', 'shapes') as unknown as (k: string, v: object) => string;
      const values = { ...info.detail?.values, fix: info.fix?.label };
      expect(t(info.detail!.code, values), code).toBe(info.message);
    }
  });

  it('says shape errors, fixes, descriptions and help in Chinese with the same numbers', async () => {
    await i18n.changeLanguage('zh-CN');
    const conv = problems.imageRankFix();
    const zh = shapeMessage(conv.message!, conv.detail, conv.fix);
    expect(zh).toBe(
      'Conv2D 需要秩为 4 的输入 (None, h, w, c)；实际得到 (None, 784)。请在它前面插入 Reshape [28, 28, 1]。',
    );
    expect(fixLabel(conv.fix!)).toBe('插入 Reshape [28, 28, 1]');
    const lonely = problems.needsInput();
    expect(shapeMessage(lonely.message!, lonely.detail)).toBe('Dense 需要一个输入：请把一个层连接到它。');
    const big = problems.kernelTooBig();
    expect(shapeMessage(big.message!, big.detail, big.fix)).toContain(
      'Conv1D：5 的卷积核放不进输入 (None, 3, 1)',
    );
    const small = problems.tooSmall();
    expect(shapeMessage(small.message!, small.detail)).toBe(
      'Conv2D：输入 (None, 3, 3, 1) 对这个卷积核尺寸来说太小——输出会是 (None, -1, -1, 32)。请使用更小的卷积核尺寸、padding "same"，或更大的输入。',
    );
    expect(fixLabel(big.fix!)).toBe('把 padding 设为 "same"');
    expect(layerDescription('Flatten', ALL_LAYERS.find((s) => s.type === 'Flatten')!.description)).toContain(
      '(None, 13, 13, 32) → (None, 5408)',
    );
    expect(paramHelp('Number of output channels.')).toBe('输出通道的数量。');
    // A text the catalog does not know (changed in src/graph) stays in English rather than being mistranslated.
    expect(paramHelp('A brand-new help text.')).toBe('A brand-new help text.');
    expect(layerDescription('Dense', 'Changed description.')).toBe('Changed description.');
  });

  it('recognises every parameter check of src/graph and says it in Chinese with its numbers', async () => {
    const list = intList({ default: [1], minLength: 1, maxLength: 3 });
    const cases: [ParamDef, unknown][] = [
      [int({ min: 1, default: 1 }), 1.5],
      [int({ min: 1, default: 1 }), 0],
      [int({ max: 4, default: 1 }), 9],
      [float({ default: 0 }), Number.NaN],
      [float({ min: 0, max: 1, maxExclusive: true, default: 0 }), 1],
      [float({ min: 0, max: 1, default: 0 }), 2],
      [bool(true), 'yes'],
      [oneOf(['same', 'valid'], 'same'), 'full'],
      [intTuple(2, { min: 1, default: [1, 1] }), [1]],
      [intTuple(2, { min: 1, default: [1, 1] }), [0, 3]],
      [list, ['a']],
      [intList({ default: [1, 1], minLength: 2, maxLength: 2 }), [1]],
      [list, [1, 2, 3, 4]],
      [intList({ default: [1], minLength: 1, maxLength: 3, allowInfer: true }), [-1, -1]],
      [intList({ default: [1], minLength: 1, maxLength: 3, allowInfer: true }), [0]],
      [list, [0]],
      [optionalInt({ min: 1, default: null }), 2.5],
      [optionalInt({ min: 1, default: null }), 0],
      [layerParam(['LSTM', 'GRU'], { type: 'LSTM', params: {} }), { type: 'Dense', params: {} }],
    ];
    await i18n.changeLanguage('zh-CN');
    const untranslated = cases
      .map(([def, v]) => checkParam('units', def, v)!)
      .filter(
        (english) => paramMessage(english) === english || /must|needs|Received/.test(paramMessage(english)),
      );
    expect(untranslated).toEqual([]);
    const two: Graph = { nodes: [node('a', 'Dense'), node('b', 'Dense')], edges: [] };
    const renameError = (name: string) => {
      try {
        renameNode(two, 'a', name);
      } catch (e) {
        return (e as Error).message;
      }
      return '';
    };
    expect(paramMessage(renameError('b'))).toBe('已经有另一个层叫“b”。');
    expect(paramMessage(renameError('9 lives'))).toBe(
      '层名称须以字母开头，只能使用字母、数字、_ . 或 -（最多 63 个字符）。',
    );
    expect(paramMessage(checkParam('units', int({ min: 1, default: 1 }), 0)!)).toBe(
      'units 不能小于 1。收到的值：units=0',
    );
    await i18n.changeLanguage('en');
    const t = i18n.getFixedT('en', 'shapes') as unknown as (k: string, v: object) => string;
    expect(t('param.atLeast', { name: 'units', min: 1, received: 'units=0' })).toBe(
      checkParam('units', int({ min: 1, default: 1 }), 0),
    );
  });

  it('says a refused connection in Chinese, naming the shape error and its fix', async () => {
    const g: Graph = {
      nodes: [node('in', 'Input', { shape: [784] }), node('conv', 'Conv2D')],
      edges: [],
    };
    let refusal: GraphEditError | null = null;
    try {
      connect(g, 'in', 'conv');
    } catch (e) {
      refusal = e as GraphEditError;
    }
    expect(refusal).toBeInstanceOf(GraphEditError);
    await i18n.changeLanguage('zh-CN');
    expect(shapeMessage(refusal!.message, refusal!.detail, refusal!.fix)).toBe(
      '无法连接 in → conv：Conv2D 需要秩为 4 的输入 (None, h, w, c)；实际得到 (None, 784)。请在它前面插入 Reshape [28, 28, 1]。',
    );
    await i18n.changeLanguage('en');
    expect(shapeMessage(refusal!.message, refusal!.detail, refusal!.fix)).toBe(refusal!.message);
  });

  it('leaves English exactly as the graph says it', async () => {
    await i18n.changeLanguage('en');
    const conv = problems.imageRankFix();
    expect(shapeMessage(conv.message!, conv.detail, conv.fix)).toBe(conv.message);
    expect(fixLabel(conv.fix!)).toBe('Insert Reshape [28, 28, 1]');
  });
});
