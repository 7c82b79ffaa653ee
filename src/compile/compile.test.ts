import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Graph, Shape } from '../graph';
import { addNode, connect, inferGraph, TEMPLATES } from '../graph';
import { compileGraph, compilePlan } from './compile';
import { CompileError } from './errors';
import { planModel } from './plan';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Random data of a model input's shape (batch of 4); int32 inputs get small token ids. */
function batchFor(shape: Shape, dtype: string): tf.Tensor {
  const dims = [4, ...shape.slice(1).map((d) => d ?? 3)];
  return dtype === 'int32' ? tf.randomUniform(dims, 0, 10, 'int32') : tf.randomUniform(dims);
}

describe.each(TEMPLATES.map((t) => [t.id, t] as const))('template %s', (_id, template) => {
  it('compiles with the inferred shapes and parameter count and trains one batch', async () => {
    const graph = template.build();
    const info = inferGraph(graph);
    const model = compileGraph(graph);
    for (const node of graph.nodes) {
      expect(model.getLayer(node.name).outputShape, node.name).toEqual(info.nodes.get(node.id)!.shape);
    }
    expect(model.countParams()).toBe(info.total.trainable + info.total.nonTrainable);
    // A GAN's generator and discriminator are separate networks (input i → output i): each trains on its own.
    const parts =
      template.recommended?.settings.objective === 'gan'
        ? model.outputs.map((y, i) => tf.model({ inputs: model.inputs[i], outputs: y }))
        : [model];
    for (const part of parts) {
      part.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
      const xs = part.inputs.map((x) => batchFor(x.shape, x.dtype));
      const ys = part.outputs.map((y) => tf.randomUniform([4, ...y.shape.slice(1).map((d) => d ?? 3)]));
      const loss = await part.trainOnBatch(xs, ys);
      const first = Array.isArray(loss) ? loss[0] : loss;
      expect(Number.isFinite(first)).toBe(true);
      tf.dispose([...xs, ...ys]);
    }
    model.dispose();
  });
});

describe('compileGraph', () => {
  it('names layers after their nodes and keeps inputs and outputs in graph order', () => {
    const model = compileGraph(TEMPLATES.find((t) => t.id === 'two-input')!.build(), { name: 'two' });
    expect(model.name).toBe('two');
    expect(model.inputNames).toEqual(['sepal', 'petal']);
    expect(model.outputNames).toEqual(['dense_2']);
  });

  it('refuses an invalid graph with the node’s own message', () => {
    let g: Graph = { nodes: [], edges: [] };
    const a = addNode(g, 'Input', { x: 0, y: 0 }, { params: { shape: [10] } });
    const b = addNode(a.graph, 'Conv2D', { x: 0, y: 100 }, { name: 'conv' });
    g = { ...b.graph, edges: [{ id: 'e1', source: a.id, target: b.id, targetPort: 0 }] };
    const err = captureError(() => compileGraph(g));
    expect(err.nodeId).toBe(b.id);
    expect(err.message).toMatch(/^conv: Conv2D needs a rank-4 input \(None, h, w, c\); it got \(None, 10\)/);
  });

  it('refuses an empty graph and an unconnected input', () => {
    expect(captureError(() => compileGraph({ nodes: [], edges: [] })).message).toMatch(/empty/);
    const a = addNode({ nodes: [], edges: [] }, 'Input', { x: 0, y: 0 }, { params: { shape: [4] } });
    const b = addNode(a.graph, 'Input', { x: 0, y: 0 }, { params: { shape: [4] } });
    const c = addNode(b.graph, 'Dense', { x: 0, y: 0 });
    const g = connect(c.graph, a.id, c.id);
    const err = captureError(() => compileGraph(g));
    expect(err.nodeId).toBe(b.id);
    expect(err.message).toBe('input_1 is not connected to any layer: connect it or remove it.');
  });

  it('reports a TF.js construction failure on the node that caused it, in a sentence', () => {
    const plan = planModel(TEMPLATES[0].build());
    const conv = plan.layers.find((l) => l.className === 'Conv2D')!;
    conv.config = { ...conv.config, padding: 'bogus' };
    const err = captureError(() => compilePlan(plan));
    expect(err.nodeId).toBe(conv.node.id);
    expect(err.message).toMatch(
      new RegExp(`^${conv.node.name} \\(Conv2D\\) could not be built by TF\\.js: .+\\. Check its parameters`),
    );
    expect(err.message).not.toMatch(/\n|at /);
  });
});

function captureError(f: () => unknown): CompileError {
  try {
    f();
  } catch (e) {
    if (e instanceof CompileError) return e;
    throw e;
  }
  throw new Error('expected a CompileError');
}
