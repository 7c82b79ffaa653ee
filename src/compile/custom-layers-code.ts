/**
 * The source text of the studio's custom layer classes (custom-layers.ts) for code that leaves the studio: the
 * exported TF.js module and the `tf.loadLayersModel` publish snippet. TF.js 4.22 has no `Subtract` class, so
 * code that builds or loads a model with one must ship and register this small class. Pure string building.
 */

/** The layer classes the studio defines itself (TF.js lacks them); the same list as custom-layers.ts. */
const SOURCES: Record<string, { js: string[]; ts: string[] }> = {
  Subtract: {
    js: [
      "// TF.js has no Subtract layer (Keras' layers.Subtract: a − b), so this code ships a small one and",
      '// registers it under the Keras class name; tf.loadLayersModel then reads models that use it.',
      'class Subtract extends tf.layers.Layer {',
      "  static className = 'Subtract';",
      '  computeOutputShape(inputShape) {',
      '    if (inputShape.length !== 2 || !Array.isArray(inputShape[0])) {',
      "      throw new Error('A Subtract layer takes exactly 2 inputs.');",
      '    }',
      '    const [a, b] = inputShape.map((s) => s.slice(1).reverse());',
      '    const dims = [];',
      '    for (let k = 0; k < Math.max(a.length, b.length); k++) {',
      '      const i = k < a.length ? a[k] : 1;',
      '      const j = k < b.length ? b[k] : 1;',
      '      if (i !== null && j !== null && i !== 1 && j !== 1 && i !== j) {',
      "        throw new Error('Subtract: shapes ' + JSON.stringify(inputShape) + ' do not broadcast together.');",
      '      }',
      '      dims.push(i === null || j === null ? null : i === 1 ? j : i);',
      '    }',
      '    return [inputShape[0][0] ?? inputShape[1][0] ?? null, ...dims.reverse()];',
      '  }',
      '  call(inputs) {',
      '    return tf.tidy(() => {',
      '      let [a, b] = inputs;',
      '      while (a.rank < b.rank) a = tf.expandDims(a, 1);',
      '      while (b.rank < a.rank) b = tf.expandDims(b, 1);',
      '      return tf.sub(a, b);',
      '    });',
      '  }',
      '}',
      'tf.serialization.registerClass(Subtract);',
    ],
    ts: [
      "// TF.js has no Subtract layer (Keras' layers.Subtract: a − b), so this code ships a small one and",
      '// registers it under the Keras class name; tf.loadLayersModel then reads models that use it.',
      'class Subtract extends tf.layers.Layer {',
      "  static className = 'Subtract';",
      '  computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {',
      '    if (inputShape.length !== 2 || !Array.isArray(inputShape[0])) {',
      "      throw new Error('A Subtract layer takes exactly 2 inputs.');",
      '    }',
      '    const shapes = inputShape as tf.Shape[];',
      '    const [a, b] = shapes.map((s) => s.slice(1).reverse());',
      '    const dims: tf.Shape = [];',
      '    for (let k = 0; k < Math.max(a.length, b.length); k++) {',
      '      const i = k < a.length ? a[k] : 1;',
      '      const j = k < b.length ? b[k] : 1;',
      '      if (i !== null && j !== null && i !== 1 && j !== 1 && i !== j) {',
      "        throw new Error('Subtract: shapes ' + JSON.stringify(shapes) + ' do not broadcast together.');",
      '      }',
      '      dims.push(i === null || j === null ? null : i === 1 ? j : i);',
      '    }',
      '    return [shapes[0][0] ?? shapes[1][0] ?? null, ...dims.reverse()];',
      '  }',
      '  call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {',
      '    return tf.tidy(() => {',
      '      let [a, b] = inputs as tf.Tensor[];',
      '      while (a.rank < b.rank) a = tf.expandDims(a, 1);',
      '      while (b.rank < a.rank) b = tf.expandDims(b, 1);',
      '      return tf.sub(a, b);',
      '    });',
      '  }',
      '}',
      'tf.serialization.registerClass(Subtract);',
    ],
  },
  Sampling: {
    js: [
      "// TF.js has no Sampling layer (the Keras VAE example's class: z = z_mean + exp(0.5 * z_log_var) * eps),",
      '// so this code ships a small one and registers it under that class name.',
      'class Sampling extends tf.layers.Layer {',
      "  static className = 'Sampling';",
      '  computeOutputShape(inputShape) {',
      '    return inputShape[0];',
      '  }',
      '  call(inputs) {',
      '    return tf.tidy(() => {',
      '      const [mean, logVar] = inputs;',
      '      return tf.add(mean, tf.mul(tf.exp(tf.mul(0.5, logVar)), tf.randomNormal(mean.shape)));',
      '    });',
      '  }',
      '}',
      'tf.serialization.registerClass(Sampling);',
    ],
    ts: [
      "// TF.js has no Sampling layer (the Keras VAE example's class: z = z_mean + exp(0.5 * z_log_var) * eps),",
      '// so this code ships a small one and registers it under that class name.',
      'class Sampling extends tf.layers.Layer {',
      "  static className = 'Sampling';",
      '  computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {',
      '    return (inputShape as tf.Shape[])[0];',
      '  }',
      '  call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {',
      '    return tf.tidy(() => {',
      '      const [mean, logVar] = inputs as tf.Tensor[];',
      '      return tf.add(mean, tf.mul(tf.exp(tf.mul(0.5, logVar)), tf.randomNormal(mean.shape)));',
      '    });',
      '  }',
      '}',
      'tf.serialization.registerClass(Sampling);',
    ],
  },
};

/** True for a layer class the studio ships itself (code must define it: `new Subtract(…)`, not a factory). */
export function isCustomLayerClass(className: string): boolean {
  return Object.hasOwn(SOURCES, className);
}

/**
 * Lines that define and register the custom classes among `classNames` (each once, in a stable order), for
 * `import * as tf from '@tensorflow/tfjs'` code; empty when the model uses none.
 */
export function customLayerSource(
  classNames: Iterable<string>,
  language: 'typescript' | 'javascript',
): string[] {
  const used = new Set(classNames);
  return Object.keys(SOURCES)
    .filter((c) => used.has(c))
    .flatMap((c) => [...SOURCES[c][language === 'typescript' ? 'ts' : 'js'], '']);
}
