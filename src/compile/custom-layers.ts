/**
 * Layer classes that Keras has and TF.js 4.22 lacks, written here as ordinary, reviewed TypeScript classes
 * (never code read from a model file). Every place that builds or loads models registers the same classes:
 * the compiler (compile.ts, also used by the training worker), the server's inference workers and the tests.
 *
 * This module imports tfjs for its types only, so it loads anywhere: browser, worker thread or Node server.
 * `registerCustomLayers` takes the caller's tfjs, so the classes extend that instance's own `Layer`.
 */
import type * as Tfjs from '@tensorflow/tfjs';

type Tf = typeof Tfjs;
type Shape = Tfjs.Shape;
type LayerArgs = NonNullable<ConstructorParameters<Tf['layers']['Layer']>[0]>;

/** Class names of the layers defined here: the only names they add to what tfjs itself accepts. */
export const CUSTOM_LAYER_CLASSES: readonly string[] = ['Subtract', 'Sampling'];

/**
 * Broadcasts two shapes without their batch axis exactly as TF.js' (and Keras') element-wise merges do:
 * right-aligned, an unknown size on either side gives unknown, 1 stretches to the other size.
 */
function broadcast(a: Shape | null, b: Shape | null): Shape | null {
  if (a === null || b === null) return null;
  if (a.length < b.length) return broadcast(b, a);
  const out = a.slice(0, a.length - b.length);
  for (let k = 0; k < b.length; k++) {
    const i = a[a.length - b.length + k];
    const j = b[k];
    if (i == null || j == null || i < 0 || j < 0) out.push(null);
    else if (i === 1) out.push(j);
    else if (j === 1 || i === j) out.push(i);
    else {
      throw new Error(
        `Subtract: operands could not be broadcast together with shapes ${JSON.stringify(a)} ${JSON.stringify(b)}`,
      );
    }
  }
  return out;
}

/** The two input shapes of a Subtract layer; anything but exactly two is an error, as in Keras. */
function twoShapes(inputShape: Shape | Shape[]): [Shape, Shape] {
  if (!Array.isArray(inputShape[0]) || inputShape.length !== 2) {
    const n = Array.isArray(inputShape[0]) ? inputShape.length : 1;
    throw new Error(`A Subtract layer should be called on exactly 2 inputs. Got ${n} input(s).`);
  }
  return inputShape as [Shape, Shape];
}

/** The output shape of `a − b` (batch axis included), or an error naming both shapes. */
function subtractShape(inputShape: Shape | Shape[]): Shape {
  const [a, b] = twoShapes(inputShape);
  if (a[0] != null && b[0] != null && a[0] !== b[0]) {
    throw new Error(
      `Can not merge tensors with different batch sizes. Got tensors with shapes: ${JSON.stringify([a, b])}.`,
    );
  }
  const rest = broadcast(a.slice(1), b.slice(1)) ?? [];
  return [a[0] ?? b[0] ?? null, ...rest];
}

/** "No mask": tfjs' own layers return null here, although its typings do not say so. */
const NO_MASK = null as unknown as Tfjs.Tensor;

/** Defines Keras' `Subtract` (two inputs, output a − b, no weights) on top of the given tfjs' `Layer`. */
function defineSubtract(tf: Tf) {
  return class Subtract extends tf.layers.Layer {
    static className = 'Subtract';

    constructor(args: LayerArgs = {}) {
      super(args);
      this.supportsMasking = true;
    }

    override build(inputShape: Shape | Shape[]): void {
      subtractShape(inputShape);
      this.built = true;
    }

    override computeOutputShape(inputShape: Shape | Shape[]): Shape {
      return subtractShape(inputShape);
    }

    override call(inputs: Tfjs.Tensor | Tfjs.Tensor[]): Tfjs.Tensor {
      return tf.tidy(() => {
        if (!Array.isArray(inputs) || inputs.length !== 2) {
          const n = Array.isArray(inputs) ? inputs.length : 1;
          throw new Error(`A Subtract layer should be called on exactly 2 inputs. Got ${n} input(s).`);
        }
        let [a, b] = inputs;
        // Like tfjs' Merge: inputs of lower rank get new axes after the batch axis, then tf.sub broadcasts.
        while (a.rank < b.rank) a = tf.expandDims(a, 1);
        while (b.rank < a.rank) b = tf.expandDims(b, 1);
        return tf.sub(a, b);
      });
    }

    /** Keras' merge mask: an element is kept when every input that has a mask keeps it. */
    override computeMask(
      _inputs: Tfjs.Tensor | Tfjs.Tensor[],
      mask?: Tfjs.Tensor | Tfjs.Tensor[],
    ): Tfjs.Tensor {
      const masks = (Array.isArray(mask) ? mask : [mask]).filter((m): m is Tfjs.Tensor => m != null);
      if (masks.length === 0) return NO_MASK;
      return tf.tidy(() => masks.slice(1).reduce((acc, m) => tf.logicalAnd(acc, m), masks[0]));
    }
  };
}

/** The two input shapes of Sampling, [z_mean, z_log_var]; they must be equal (batch axis aside), as in Keras. */
function samplingShape(inputShape: Shape | Shape[]): Shape {
  if (!Array.isArray(inputShape[0]) || inputShape.length !== 2) {
    const n = Array.isArray(inputShape[0]) ? inputShape.length : 1;
    throw new Error(`A Sampling layer should be called on [z_mean, z_log_var]. Got ${n} input(s).`);
  }
  const [mean, logVar] = inputShape as [Shape, Shape];
  if (mean.length !== logVar.length || mean.some((d, i) => i > 0 && d !== logVar[i])) {
    throw new Error(
      `Sampling: z_mean ${JSON.stringify(mean)} and z_log_var ${JSON.stringify(logVar)} must have the same shape.`,
    );
  }
  return mean.slice();
}

/**
 * Defines the Keras VAE example's `Sampling`: inputs [z_mean, z_log_var], output
 * z = z_mean + exp(0.5·z_log_var)·ε, ε ~ N(0, I) (drawn in inference too, as Keras does); no weights.
 */
function defineSampling(tf: Tf) {
  return class Sampling extends tf.layers.Layer {
    static className = 'Sampling';

    override build(inputShape: Shape | Shape[]): void {
      samplingShape(inputShape);
      this.built = true;
    }

    override computeOutputShape(inputShape: Shape | Shape[]): Shape {
      return samplingShape(inputShape);
    }

    override call(inputs: Tfjs.Tensor | Tfjs.Tensor[]): Tfjs.Tensor {
      return tf.tidy(() => {
        if (!Array.isArray(inputs) || inputs.length !== 2) {
          throw new Error('A Sampling layer should be called on [z_mean, z_log_var].');
        }
        const [mean, logVar] = inputs;
        const epsilon = tf.randomNormal(mean.shape);
        return tf.add(mean, tf.mul(tf.exp(tf.mul(0.5, logVar)), epsilon));
      });
    }
  };
}

/**
 * Registers the custom layer classes with the given tfjs, so that `tf.loadLayersModel`, tfjs' SerializationMap
 * and the compiler know them. Idempotent; a class tfjs already knows by that name (its own, in a later version)
 * is left in place.
 */
export function registerCustomLayers(tf: Tf): void {
  const map = tf.serialization.SerializationMap.getMap().classNameMap;
  if (!Object.hasOwn(map, 'Subtract')) tf.serialization.registerClass(defineSubtract(tf));
  if (!Object.hasOwn(map, 'Sampling')) tf.serialization.registerClass(defineSampling(tf));
}
