import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { getSpec, ShapeError, TEMPLATES } from '../graph';
import { compileGraph } from './compile';
import { customLayerSource } from './custom-layers-code';
import { exportModelFiles } from './export-files';
import { modelJsonToGraph, parseModelJson } from './import-model';
import { toKerasPython } from './keras-python';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const vae = () => TEMPLATES.find((t) => t.id === 'vae-mnist')!.build();

describe('the Sampling layer (z = z_mean + exp(0.5·z_log_var)·ε)', () => {
  it('draws from N(z_mean, exp(z_log_var)) in inference too, with 0 parameters', () => {
    const model = compileGraph(vae());
    const sampling = model.layers.find((l) => l.getClassName() === 'Sampling')!;
    expect(sampling.countParams()).toBe(0);
    const n = 20000;
    const mean = tf.fill([n, 2], 2);
    const logVar = tf.fill([n, 2], Math.log(0.25));
    const z = sampling.apply([mean, logVar]) as tf.Tensor;
    const { mean: m, variance } = tf.moments(z);
    expect(m.dataSync()[0]).toBeCloseTo(2, 1);
    expect(Math.sqrt(variance.dataSync()[0])).toBeCloseTo(0.5, 1);
    tf.dispose([mean, logVar, z, m, variance]);
    model.dispose();
  });

  it('refuses z_mean and z_log_var of different widths, naming both shapes and offering the fix', () => {
    const spec = getSpec('Sampling')!;
    let error: unknown;
    try {
      spec.outputShape(
        [
          [null, 2],
          [null, 3],
        ],
        {},
        { spec: getSpec },
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ShapeError);
    expect((error as ShapeError).message).toBe(
      'Sampling needs z_mean and z_log_var of the same shape; z_mean is (None, 2) and z_log_var is (None, 3).',
    );
    expect((error as ShapeError).fix).toMatchObject({
      kind: 'setUpstreamParams',
      nodePort: 1,
      params: { units: 2 },
    });
  });

  it('exports to Keras Python as the Keras VAE example class, called on [z_mean, z_log_var]', () => {
    const code = toKerasPython(vae(), 'vae');
    expect(code).toContain('class Sampling(layers.Layer):');
    expect(code).toContain('return z_mean + ops.exp(0.5 * z_log_var) * epsilon');
    expect(code).toContain('from keras import ops');
    expect(code).toMatch(/z = Sampling\(name='z'\)\(\[z_mean, z_log_var\]\)/);
  });

  it('survives TF.js export and import as a Sampling node, and exported code defines the class', async () => {
    const model = compileGraph(vae(), { name: 'vae' });
    const files = await exportModelFiles(model);
    model.dispose();
    const imported = modelJsonToGraph(parseModelJson(files.modelJson));
    expect(imported.warnings).toEqual([]);
    expect(imported.graph.nodes.filter((n) => n.type === 'Sampling')).toHaveLength(1);
    expect(customLayerSource(['Sampling'], 'javascript').join('\n')).toContain(
      'tf.serialization.registerClass(Sampling);',
    );
  });
});
