import type { Graph, GraphInfo, Params } from '../graph';
import type { DatasetSignature } from './types';

/** A mismatch between dataset and model, with a one-click graph edit where one exists (as in check.ts). */
interface Issue {
  message: string;
  fix?: { label: string; nodeId: string; params: Params };
}

type GraphNode = Graph['nodes'][number];

const product = (s: number[]) => s.reduce((a, b) => a * b, 1);
const shapeOf = (n: GraphNode) => (Array.isArray(n.params.shape) ? (n.params.shape as number[]) : []);

/** Values per sample each Input takes, in Input (node) order — the order the sample's columns are cut in. */
export function inputSizes(graph: Graph): number[] {
  return graph.nodes.filter((n) => n.type === 'Input').map((n) => product(shapeOf(n)));
}

/**
 * Several Inputs share the dataset's one sample: its values are cut into consecutive columns, one group per
 * Input in order (e.g. [user, item] → two Inputs of shape [1]). They fit when the sizes add up and dtypes agree.
 */
export function checkSeveralInputs(ds: DatasetSignature, inputs: GraphNode[]): Issue[] {
  const sizes = inputs.map((n) => product(shapeOf(n)));
  const total = sizes.reduce((a, b) => a + b, 0);
  const want = product(ds.inputShape);
  const issues: Issue[] = [];
  if (total !== want) {
    issues.push({
      message: `The model has ${inputs.length} Inputs taking ${sizes.join(' + ')} = ${total} values per sample, but each sample has ${want}: a sample's values are split across the Inputs in order, so their sizes must add up to ${want}.`,
    });
  }
  for (const n of inputs) {
    const dtype = n.params.dtype ?? 'float32';
    if (dtype !== ds.inputDtype)
      issues.push({
        message: `The dataset holds ${ds.inputDtype === 'int32' ? 'ids (int32)' : 'numbers (float32)'}, but the Input "${n.name}" is ${String(dtype)}.`,
        fix: {
          label: `Set Input "${n.name}" to ${ds.inputDtype}`,
          nodeId: n.id,
          params: { dtype: ds.inputDtype },
        },
      });
  }
  return issues;
}

/** Embeddings fed by one Input (directly or through layers that pass ids on unchanged). */
export function embeddingsOf(graph: Graph, inputId: string): GraphNode[] {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const found: GraphNode[] = [];
  const queue = [inputId];
  const seen = new Set<string>();
  while (queue.length) {
    const id = queue.shift()!;
    for (const e of graph.edges) {
      const node = byId.get(e.target);
      if (e.source !== id || seen.has(e.target) || !node) continue;
      seen.add(e.target);
      if (node.type === 'Embedding') found.push(node);
      else if (/^(Reshape|Permute|Masking)$/.test(node.type)) queue.push(node.id);
    }
  }
  return found;
}

/** One more than the largest id in each Input's columns (several Inputs), from the sample arrays. */
export function rangesPerInput(graph: Graph, xs: (Float32Array | Int32Array)[]): number[] {
  const sizes = inputSizes(graph);
  const width = sizes.reduce((a, b) => a + b, 0);
  const max = sizes.map(() => -1);
  const group = sizes.flatMap((s, i) => Array<number>(s).fill(i));
  for (const x of xs)
    for (let k = 0; k < x.length; k++) {
      const g = group[k % width];
      if (x[k] > max[g]) max[g] = x[k];
    }
  return max.map((m) => m + 1);
}

/**
 * With several Inputs each Embedding needs a row for every id of its own Input's columns (a ratings set's user
 * Embedding for every user, its item Embedding for every item); `ranges` are those counts in Input order.
 */
export function checkEmbeddingsPerInput(graph: Graph, ranges: number[]): Issue[] {
  const inputs = graph.nodes.filter((n) => n.type === 'Input');
  return inputs.flatMap((input, i) =>
    embeddingsOf(graph, input.id).flatMap((n) => {
      const rows = Number(n.params.inputDim ?? 0);
      const range = ranges[i];
      if (!range || rows >= range) return [];
      return [
        {
          message: `The Embedding "${n.name}" has inputDim ${rows}, but the Input "${input.name}" holds ids up to ${range - 1} (${range} in all): ids from ${rows} on have no row to look up.`,
          fix: { label: `Set inputDim to ${range}`, nodeId: n.id, params: { inputDim: range } },
        },
      ];
    }),
  );
}

/** The id ranges a signature knows per Input: a ratings set's users and items. */
export function signatureRanges(ds: DatasetSignature): number[] | null {
  return ds.domain?.kind === 'ratings' ? [ds.domain.users, ds.domain.items] : null;
}

/**
 * A box set trains two outputs in order: a box head of 4 units (x, y, w, h in [0, 1], so sigmoid) and a class
 * head of one unit per class (softmax). Anything else is explained here, before training, with a fix.
 */
export function checkBoxHeads(ds: DatasetSignature, outputs: GraphNode[], info: GraphInfo): Issue[] {
  const k = ds.domain?.kind === 'boxes' ? ds.domain.classes : 0;
  const units = outputs.map((o) => {
    const s = info.nodes.get(o.id)?.shape;
    return s ? Number(s[s.length - 1]) : 0;
  });
  if (outputs.length !== 2) {
    return [
      {
        message: `A localiser needs two outputs: first a box head (Dense 4, sigmoid), then a class head (Dense ${k}, softmax); this model has ${outputs.length}. Open the template "Single-object localiser" to start from one.`,
      },
    ];
  }
  const [box, cls] = outputs;
  const issues: Issue[] = [];
  const act = (n: GraphNode) => String(n.params.activation ?? 'linear');
  if (units[0] !== 4 || (box.type === 'Dense' && act(box) !== 'sigmoid')) {
    issues.push({
      message:
        units[0] !== 4
          ? `The box head "${box.name}" has ${units[0]} unit${units[0] === 1 ? '' : 's'}, but a box is 4 numbers (x, y, width, height).`
          : `The box head "${box.name}" uses "${act(box)}"; box coordinates are fractions of the image, so sigmoid keeps them in [0, 1].`,
      ...(box.type === 'Dense'
        ? {
            fix: {
              label: 'Set the box head to 4 units, sigmoid',
              nodeId: box.id,
              params: { units: 4, activation: 'sigmoid' },
            },
          }
        : {}),
    });
  }
  if (units[1] !== k || (cls.type === 'Dense' && act(cls) !== 'softmax')) {
    issues.push({
      message: `The class head "${cls.name}" should give ${k} class probabilities (softmax); it has ${units[1]} unit${units[1] === 1 ? '' : 's'} with "${act(cls)}".`,
      ...(cls.type === 'Dense'
        ? {
            fix: {
              label: `Set the class head to ${k} units, softmax`,
              nodeId: cls.id,
              params: { units: k, activation: 'softmax' },
            },
          }
        : {}),
    });
  }
  return issues;
}
