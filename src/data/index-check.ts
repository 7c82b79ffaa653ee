import type { Graph, Params } from '../graph';
import { checkEmbeddingsPerInput, inputSizes, rangesPerInput, signatureRanges } from './domain-check';
import type { DatasetSignature, LoadedDataset, SampleFormat } from './types';

/** A mismatch between the ids a dataset holds and the layers that look them up. */
export interface IndexIssue {
  message: string;
  fix?: { label: string; nodeId: string; params: Params };
}

/** Layers that use their input values as row indices, and the parameter that sets how many rows they have. */
const INDEX_LAYERS: Record<string, string> = { Embedding: 'inputDim' };

const count = (n: number) => n.toLocaleString('en-US');

/**
 * How many ids an int32 input needs room for: the vocabulary size for text, otherwise one more than the
 * largest id in the data (so a layer with that many rows can look every id up).
 */
export function indexRangeOf(x: LoadedDataset['x'], format?: SampleFormat): number {
  let max = -1;
  for (const split of [x.train, x.val, x.test]) {
    if (!(split instanceof Int32Array)) continue;
    for (let i = 0; i < split.length; i++) if (split[i] > max) max = split[i];
  }
  const vocab = format?.kind === 'text' ? format.vocabulary.length : 0;
  return Math.max(vocab, max + 1);
}

/** Index layers (Embedding) reached from the Input without a layer that changes values in between. */
function indexLayers(graph: Graph): Graph['nodes'] {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const found: Graph['nodes'] = [];
  const seen = new Set<string>();
  const queue = graph.nodes.filter((n) => n.type === 'Input').map((n) => n.id);
  while (queue.length) {
    const id = queue.shift()!;
    for (const e of graph.edges) {
      if (e.source !== id || seen.has(e.target)) continue;
      seen.add(e.target);
      const node = byId.get(e.target);
      if (!node) continue;
      if (INDEX_LAYERS[node.type]) found.push(node);
      // Reshaping layers pass ids on unchanged; anything else turns them into other numbers.
      else if (/^(Reshape|Permute|Masking)$/.test(node.type)) queue.push(node.id);
    }
  }
  return found;
}

/**
 * Every layer that looks ids up must have a row for each id the dataset holds: an Embedding with fewer rows
 * than the vocabulary fails on WASM and CPU ("index not in [0, inputDim - 1]") and reads garbage on WebGL.
 */
export function checkIndexInputs(ds: DatasetSignature, graph: Graph): IndexIssue[] {
  // Several Inputs cut the sample into columns: each Input's Embeddings answer to that Input's own ids.
  if (inputSizes(graph).length > 1 && ds.inputDtype === 'int32')
    return checkEmbeddingsPerInput(graph, signatureRanges(ds) ?? []);
  const layers = indexLayers(graph);
  if (!layers.length) return [];
  if (ds.inputDtype !== 'int32') {
    return layers.map((n) => ({
      message: `The ${n.type} "${n.name}" looks up integer ids, but this dataset holds numbers (float32): use a text dataset, or remove the ${n.type}.`,
    }));
  }
  const range = ds.indexRange;
  if (!range) return [];
  return layers.flatMap((n) => {
    const param = INDEX_LAYERS[n.type];
    const rows = Number(n.params[param] ?? 0);
    if (rows >= range) return [];
    return [
      {
        message: `The ${n.type} "${n.name}" has ${param} ${count(rows)}, but the dataset's ids run up to ${count(range - 1)} (a vocabulary of ${count(range)}): ids from ${count(rows)} on have no row to look up.`,
        fix: { label: `Set ${param} to ${count(range)}`, nodeId: n.id, params: { [param]: range } },
      },
    ];
  });
}

/** Thrown before training when the data holds ids a layer cannot look up; the same on every backend. */
export class IndexRangeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IndexRangeError';
  }
}

/** Checks the actual training arrays (the worker calls it before measuring backends); throws IndexRangeError. */
export function assertIndexRange(
  graph: Graph,
  data: {
    inputDtype: string;
    train: { x: Float32Array | Int32Array };
    val: { x: Float32Array | Int32Array };
    test: { x: Float32Array | Int32Array };
  },
): void {
  if (data.inputDtype !== 'int32') return;
  if (inputSizes(graph).length > 1) {
    const [many] = checkEmbeddingsPerInput(
      graph,
      rangesPerInput(graph, [data.train.x, data.val.x, data.test.x]),
    );
    if (many)
      throw new IndexRangeError(
        `Data error: ${many.message} Fix: ${many.fix?.label} (Train tab, dataset–model check).`,
      );
    return;
  }
  const range = indexRangeOf({ train: data.train.x, val: data.val.x, test: data.test.x });
  const sig = { inputDtype: 'int32', indexRange: range } as Partial<DatasetSignature> as DatasetSignature;
  const [issue] = checkIndexInputs(sig, graph);
  if (issue)
    throw new IndexRangeError(
      `Data error: ${issue.message} Fix: ${issue.fix?.label ?? 'change the model'} (Train tab, dataset–model check).`,
    );
}
