import type { Graph } from '../graph';
import type { ClassConfig } from './code-names';
import { isChain, isClassConfig, toSnake, variableNames } from './code-names';
import type { ModelPlan, PlannedLayer } from './plan';
import { planModel } from './plan';

// Python keywords and the names the generated script itself uses.
const RESERVED = new Set(
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield keras layers model inputs outputs input print type list dict id len max min sum'.split(
    ' ',
  ),
);
const LINE = 88;

/** A JSON value as a Python literal: tuples for lists, None/True/False. */
export function pyLiteral(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v).replace(/^(-?)\./, '$10.');
  if (typeof v === 'string') return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (Array.isArray(v)) return v.length === 1 ? `(${pyLiteral(v[0])},)` : `(${v.map(pyLiteral).join(', ')})`;
  if (isClassConfig(v)) return `{'class_name': ${pyLiteral(v.className)}, 'config': ${pyDict(v.config)}}`;
  return pyDict(v as Record<string, unknown>);
}

function pyDict(o: Record<string, unknown>): string {
  return `{${Object.entries(o)
    .map(([k, v]) => `${pyLiteral(toSnake(k))}: ${pyLiteral(v)}`)
    .join(', ')}}`;
}

/** TF.js writes string values in camelCase (`hardSigmoid`, `channelsLast`); Keras spells them in snake_case. */
function pyValue(key: string, v: unknown): string {
  if (key === 'layer' && isClassConfig(v)) return layerCall(v);
  if (typeof v === 'string' && key !== 'name') return pyLiteral(toSnake(v));
  return pyLiteral(v);
}

/** Keyword arguments in snake_case; unset (null) values are left to Keras' defaults. */
function kwargs(config: Record<string, unknown>): string[] {
  return Object.entries(config)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => `${toSnake(k)}=${pyValue(k, v)}`);
}

/** `layers.Conv2D(filters=32, …)`, broken over lines when it would be too long. */
function call(callee: string, args: string[], indent: string): string {
  const flat = `${callee}(${args.join(', ')})`;
  if (flat.length + indent.length <= LINE) return flat;
  return `${callee}(\n${args.map((a) => `${indent}    ${a},`).join('\n')}\n${indent})`;
}

/** Classes the exported script defines itself (not in `keras.layers`): the Keras VAE example's Sampling. */
const OWN_CLASSES: Record<string, string[]> = {
  Sampling: [
    'class Sampling(layers.Layer):',
    '    """Uses (z_mean, z_log_var) to sample z, the vector encoding a digit (Keras VAE example)."""',
    '',
    '    def call(self, inputs):',
    '        z_mean, z_log_var = inputs',
    '        epsilon = keras.random.normal(shape=ops.shape(z_mean))',
    '        return z_mean + ops.exp(0.5 * z_log_var) * epsilon',
    '',
  ],
};

function layerCall(c: ClassConfig, indent = ''): string {
  const callee = Object.hasOwn(OWN_CLASSES, c.className) ? c.className : `layers.${c.className}`;
  return call(callee, kwargs(c.config), indent);
}

/** The import and class definitions of the own classes the plan uses (none for most models). */
function ownClasses(plan: ModelPlan): string[] {
  const used = new Set(plan.layers.map((l) => l.className));
  const names = Object.keys(OWN_CLASSES).filter((c) => used.has(c));
  if (!names.length) return [];
  return ['from keras import ops', '', '', ...names.flatMap((c) => OWN_CLASSES[c])];
}

function inputCall(l: PlannedLayer, withName: boolean): string {
  const { batchInputShape, dtype } = l.config as { batchInputShape: unknown[]; dtype?: string };
  const args = [`shape=${pyLiteral(batchInputShape.slice(1))}`];
  if (dtype && dtype !== 'float32') args.push(`dtype=${pyLiteral(dtype)}`);
  if (withName) args.push(`name=${pyLiteral(l.node.name)}`);
  return `keras.Input(${args.join(', ')})`;
}

function sequential(plan: ModelPlan, name: string): string[] {
  const [first, ...rest] = plan.layers;
  const items = [inputCall(first, false), ...rest.map((l) => layerCall(l, '        '))];
  return [
    'model = keras.Sequential(',
    '    [',
    ...items.map((s) => `        ${s},`),
    '    ],',
    `    name=${pyLiteral(name)},`,
    ')',
  ];
}

function functional(plan: ModelPlan, name: string): string[] {
  const vars = variableNames(plan.layers, RESERVED);
  const lines = plan.layers.map((l) => {
    const v = vars.get(l.node.id)!;
    if (l.isInput) return `${v} = ${inputCall(l, true)}`;
    const xs = l.inputs.map((id) => vars.get(id)!);
    const arg = xs.length === 1 ? xs[0] : `[${xs.join(', ')}]`;
    return `${v} = ${layerCall(l)}(${arg})`;
  });
  const list = (ids: string[]) =>
    ids.length === 1 ? vars.get(ids[0])! : `[${ids.map((id) => vars.get(id)).join(', ')}]`;
  lines.push(
    `model = keras.Model(inputs=${list(plan.inputs)}, outputs=${list(plan.outputs)}, name=${pyLiteral(name)})`,
  );
  return lines;
}

/**
 * The lines that build the model as `model` (`body`) and the own classes they need (`classes`, with their
 * imports), given `import keras` and `from keras import layers`. Throws CompileError for an invalid graph.
 */
export function kerasModelSource(graph: Graph, modelName: string): { classes: string[]; body: string[] } {
  const plan = planModel(graph);
  const body = isChain(plan) ? sequential(plan, modelName) : functional(plan, modelName);
  return { classes: ownClasses(plan), body };
}

/**
 * Keras Python code that rebuilds the graph's architecture: `keras.Sequential` for a chain, the functional API
 * otherwise; same layer names and parameters, snake_case arguments. Throws CompileError for an invalid graph.
 */
export function toKerasPython(graph: Graph, modelName = 'model'): string {
  const { classes, body } = kerasModelSource(graph, modelName);
  return [
    `"""${modelName.replace(/"/g, "'")}: the model's architecture, exported from Model Studio.`,
    '',
    'Runs with Keras 3 (pip install keras tensorflow).',
    'The weights are not included: train the model, or load weights saved separately.',
    '"""',
    '',
    'import keras',
    'from keras import layers',
    ...classes,
    '',
    ...body,
    '',
    'model.summary()',
    '',
  ].join('\n');
}
