import * as tf from '@tensorflow/tfjs';

type Inputs = tf.Tensor | tf.Tensor[];
type Call = (inputs: Inputs, kwargs: tf.serialization.ConfigDict) => Inputs;

const originals = new Map<string, Call>();

/** A tfjs-layers class's prototype by its registered name (no instance made, so layer names stay as they are). */
function prototypeOf(className: string): { call: Call } {
  const entry = tf.serialization.SerializationMap.getMap().classNameMap[className];
  if (!entry) throw new Error(`tfjs-layers has no layer class ${className}`);
  return (entry[0] as unknown as { prototype: { call: Call } }).prototype;
}

/**
 * Routes every `className` layer's `call` through `fused` first (given tfjs' own call too); where it returns
 * null (another backend, an option it does not cover) the layer runs tfjs' own code. Idempotent.
 */
export function patchLayerCall<L>(
  className: string,
  fused: (layer: L, inputs: Inputs, kwargs: tf.serialization.ConfigDict, own: Call) => Inputs | null,
): void {
  if (originals.has(className)) return;
  const proto = prototypeOf(className);
  const original = proto.call;
  originals.set(className, original);
  proto.call = function (this: L, inputs, kwargs) {
    const own: Call = (i, k) => original.call(this, i, k);
    return fused(this, inputs, kwargs, own) ?? own(inputs, kwargs);
  };
}

/** A layer's one input tensor (tfjs-layers' getExactlyOneTensor), or null when it was given several. */
export function oneInput(inputs: Inputs): tf.Tensor | null {
  if (!Array.isArray(inputs)) return inputs;
  return inputs.length === 1 ? inputs[0] : null;
}

/** Puts tfjs' own `call` of `className` back. */
export function unpatchLayerCall(className: string): void {
  const original = originals.get(className);
  if (!original) return;
  prototypeOf(className).call = original;
  originals.delete(className);
}
