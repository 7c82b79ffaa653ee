import * as tf from '@tensorflow/tfjs';
import { ImportError } from './errors';
import type { ImportedWeights } from './weight-files';

/** The weight name without the `:0` suffix some Keras writers add. */
const plain = (name: string) => name.replace(/:\d+$/, '');

function shapeText(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/** Pairs every model weight with a loaded tensor: by name, or in order when the names differ but the count fits. */
function pairUp(model: tf.LayersModel, loaded: tf.NamedTensorMap, names: string[]): tf.Tensor[] {
  const byName = new Map(Object.entries(loaded).map(([k, v]) => [plain(k), v]));
  const vars = model.weights;
  if (vars.every((v) => byName.has(v.originalName))) return vars.map((v) => byName.get(v.originalName)!);
  if (names.length === vars.length) return names.map((n) => loaded[n]);
  const missing = vars.find((v) => !byName.has(v.originalName))!;
  throw new ImportError(
    `The weight files do not fit this model: it needs ${vars.length} weights (e.g. ${missing.originalName}), the files hold ${names.length}.`,
  );
}

/** Loads imported weights into a compiled model; throws ImportError when a weight's name or shape does not fit. */
export function applyWeights(model: tf.LayersModel, weights: ImportedWeights): void {
  const specs = weights.weightSpecs as tf.io.WeightsManifestEntry[];
  const loaded = tf.io.decodeWeights(weights.weightData, specs);
  try {
    const tensors = pairUp(
      model,
      loaded,
      specs.map((s) => s.name),
    );
    model.weights.forEach((v, i) => {
      const t = tensors[i];
      // Layer variables always have fully known shapes, unlike symbolic tensors.
      const need = v.shape as number[];
      if (!tf.util.arraysEqual(need, t.shape))
        throw new ImportError(
          `Weight ${v.originalName} has shape ${shapeText(t.shape)} in the files, but the layer needs ${shapeText(need)}. The weights belong to a different model.`,
        );
    });
    model.setWeights(tensors);
  } finally {
    tf.dispose(Object.values(loaded));
  }
}
