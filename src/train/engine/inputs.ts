import * as tf from '@tensorflow/tfjs';

const sizeOf = (shape: readonly (number | null)[]) =>
  shape.slice(1).reduce<number>((a, b) => a * (b ?? 1), 1);

/**
 * Lets a model with several Inputs take the dataset's one sample array: each batch [n, ...] is cut into
 * columns in Input order (e.g. [user, item] ids for two Inputs of shape [1]) and reshaped per Input — the same
 * rule as a numeric target split across several outputs. Models with one Input are returned as they are.
 */
export function feedSeveralInputs(model: tf.LayersModel): tf.LayersModel {
  if (model.inputs.length < 2) return model;
  const shapes = model.inputs.map((t) => t.shape.slice(1) as number[]);
  const sizes = model.inputs.map((t) => sizeOf(t.shape));
  const split = (x: tf.Tensor | tf.Tensor[]): tf.Tensor | tf.Tensor[] => {
    if (Array.isArray(x)) return x;
    const n = x.shape[0];
    return tf.split(tf.reshape(x, [n, -1]), sizes, 1).map((part, i) => tf.reshape(part, [n, ...shapes[i]]));
  };
  const apply = model.apply.bind(model);
  const predict = model.predict.bind(model);
  model.apply = ((x: tf.Tensor | tf.Tensor[], kwargs?: tf.serialization.ConfigDict) =>
    apply(split(x), kwargs)) as typeof model.apply;
  model.predict = ((x: tf.Tensor | tf.Tensor[], config?: tf.ModelPredictConfig) =>
    predict(split(x), config)) as typeof model.predict;
  return model;
}
