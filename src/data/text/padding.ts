import type { Graph } from '../../graph';
import type { BuiltinId, DatasetConfig } from '../types';
import { PAD_ID } from './tokenize';

/** Built-in sets whose samples are end-padded token ids (format `text`). */
const TEXT_BUILTINS: ReadonlySet<BuiltinId> = new Set(['spam']);

/** Whether a dataset's samples are token ids padded with PAD_ID at the end: texts (built-in or a CSV text column). */
export function isPaddedText(config: DatasetConfig): boolean {
  const s = config.source;
  if (s.kind === 'builtin') return TEXT_BUILTINS.has(s.id);
  return s.kind === 'csv' && s.csv.columns.some((c) => c.role === 'feature' && c.type === 'text');
}

/**
 * Whether training pads each batch only to its longest text: the dataset is padded text and the model's one
 * Input takes token ids of any length (shape (None)). The training engine's `Feed` applies the same rule.
 */
export function padsPerBatch(config: DatasetConfig, graph: Graph): boolean {
  const inputs = graph.nodes.filter((n) => n.type === 'Input');
  if (inputs.length !== 1 || !isPaddedText(config)) return false;
  const shape = inputs[0].params.shape;
  return Array.isArray(shape) && shape.length === 1 && shape[0] === null;
}

/** One text's token ids without the padding at its end (one id at least), as a batch of one is cut in training. */
export function withoutPadding(ids: Int32Array): Int32Array {
  let end = ids.length;
  while (end > 1 && ids[end - 1] === PAD_ID) end--;
  return ids.subarray(0, end);
}
