import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Graph } from '../graph';
import { TEMPLATES } from '../graph';
import { isClassConfig, toCamel, toSnake } from './code-names';
import { toKerasPython } from './keras-python';
import type { PlannedLayer } from './plan';
import { planModel } from './plan';
import type { ParsedLayer } from './testing/python';
import { arbitraryGraph } from './testing/random-graph';
import { checkPython } from './testing/python';

/** The TF.js config the Keras kwargs stand for: camelCase keys and string values, lists for tuples. */
function backToTfjs(kwargs: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(kwargs)) out[toCamel(k)] = backValue(k, v);
  return out;
}

function backValue(key: string, v: unknown): unknown {
  if (typeof v === 'string') return key === 'name' ? v : toCamel(v);
  if (Array.isArray(v)) return v.map((x) => backValue(key, x));
  if (v && typeof v === 'object' && '__layer__' in v) {
    const inner = (v as { __layer__: { className: string; kwargs: Record<string, unknown> } }).__layer__;
    return { className: inner.className, config: backToTfjs(inner.kwargs) };
  }
  return v;
}

/** The planned config without unset values, which the Python code leaves to Keras' defaults. */
function expectedConfig(l: PlannedLayer): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(l.config)) {
    if (v === null) continue;
    out[k] = isClassConfig(v)
      ? { className: v.className, config: expectedConfig({ ...l, config: v.config }) }
      : v;
  }
  return out;
}

function expectSameLayer(parsed: ParsedLayer, l: PlannedLayer): void {
  if (l.isInput) {
    expect(parsed.className).toBe('Input');
    expect(parsed.kwargs.shape).toEqual((l.config.batchInputShape as number[]).slice(1));
    return;
  }
  expect(parsed.className).toBe(l.className);
  expect(backToTfjs(parsed.kwargs)).toEqual(expectedConfig(l));
}

function checkTemplate(graph: Graph): void {
  const plan = planModel(graph);
  const code = toKerasPython(graph, 'my_model');
  const parsed = checkPython(code);
  expect(parsed.layers).toHaveLength(plan.layers.length);
  plan.layers.forEach((l, i) => {
    expectSameLayer(parsed.layers[i], l);
  });
  if (parsed.kind === 'Model') {
    const varOf = new Map(plan.layers.map((l, i) => [l.node.id, parsed.layers[i].variable]));
    plan.layers.forEach((l, i) => {
      expect(parsed.layers[i].inputs).toEqual(l.inputs.map((id) => varOf.get(id)));
    });
    expect(parsed.modelInputs).toEqual(plan.inputs.map((id) => varOf.get(id)));
    expect(parsed.modelOutputs).toEqual(plan.outputs.map((id) => varOf.get(id)));
  }
}

describe.each(TEMPLATES.map((t) => [t.id, t] as const))('Keras code for %s', (_id, template) => {
  it('passes py_compile and parses back to the same layers, names, parameters and connections', () => {
    checkTemplate(template.build());
  });
});

it('writes valid, faithful Keras code for 20 random graphs (wrappers, merges, several inputs)', () => {
  for (const graph of fc.sample(arbitraryGraph, { numRuns: 20, seed: 3 })) checkTemplate(graph);
});

describe('toKerasPython', () => {
  it('writes a Sequential model for a chain and the functional API for branches', () => {
    const cnn = toKerasPython(TEMPLATES.find((t) => t.id === 'reference-cnn')!.build());
    expect(cnn).toContain('model = keras.Sequential(');
    expect(cnn).toContain('keras.Input(shape=(28, 28, 1)),');
    expect(cnn).toMatch(/layers\.Conv2D\(\s*filters=32,\s*kernel_size=\(3, 3\),/);
    expect(checkPython(cnn).kind).toBe('Sequential');
    const res = toKerasPython(TEMPLATES.find((t) => t.id === 'residual-block')!.build());
    expect(res).toContain("model = keras.Model(inputs=input_, outputs=dense, name='model')");
    expect(res).toMatch(/\nadd = layers\.Add\(name='add'\)\(\[\w+_2, \w+\]\)\n/);
  });

  it('spells TF.js identifiers the Keras way and keeps wrapped layers readable', () => {
    const lstm = TEMPLATES.find((t) => t.id === 'lstm-text')!.build();
    const code = toKerasPython(lstm);
    expect(code).toContain("recurrent_activation='hard_sigmoid'");
    expect(code).toContain("keras.Input(shape=(100,), dtype='int32')");
    expect(toSnake('hardSigmoid')).toBe('hard_sigmoid');
  });
});
