import type { Graph } from '../graph';
import type { ClassConfig } from './code-names';
import { isClassConfig, variableNames } from './code-names';
import { customLayerSource, isCustomLayerClass } from './custom-layers-code';
import type { PlannedLayer } from './plan';
import { planModel } from './plan';

/** `typescript` adds the type annotations; `javascript` is plain ES module code. */
export type CodeLanguage = 'typescript' | 'javascript';

// JavaScript reserved words and the names the generated module itself uses.
const RESERVED = new Set(
  'Subtract break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await tf model buildModel'.split(
    ' ',
  ),
);
// tf.layers factory names that do not follow the usual rule (`MaxPooling2D` → `maxPooling2d`).
const FACTORY_EXCEPTIONS: Record<string, string> = {
  Cropping2D: 'cropping2D',
  LSTM: 'lstm',
  GRU: 'gru',
  ReLU: 'reLU',
  PReLU: 'prelu',
  ELU: 'elu',
  SimpleRNN: 'simpleRNN',
  ConvLSTM2D: 'convLstm2d',
  InputLayer: 'inputLayer',
};

/** The `tf.layers` factory function of a TF.js layer class: `Conv2D` → `conv2d`, `LSTM` → `lstm`. */
export function factoryName(className: string): string {
  return (
    FACTORY_EXCEPTIONS[className] ?? className[0].toLowerCase() + className.slice(1).replace(/(\d)D/g, '$1d')
  );
}

/** A JSON value as a JavaScript literal; a nested layer becomes its own factory call. */
function jsLiteral(v: unknown, indent: string): string {
  if (v === undefined) return 'undefined';
  if (typeof v === 'string') return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (Array.isArray(v)) return `[${v.map((x) => jsLiteral(x, indent)).join(', ')}]`;
  if (v !== null && typeof v === 'object') return jsObject(v as Record<string, unknown>, indent);
  return String(v);
}

function jsObject(o: Record<string, unknown>, indent: string): string {
  const entries = Object.entries(o).map(([k, v]) => {
    const key = /^[A-Za-z_$][\w$]*$/.test(k) ? k : jsLiteral(k, indent);
    const value =
      k === 'layer' && isClassConfig(v) ? factoryCall(v, `${indent}  `) : jsLiteral(v, `${indent}  `);
    return `${key}: ${value}`;
  });
  const flat = `{ ${entries.join(', ')} }`;
  if (entries.length === 0) return '{}';
  if (flat.length + indent.length <= 90) return flat;
  return `{\n${entries.map((e) => `${indent}  ${e},`).join('\n')}\n${indent}}`;
}

/** `tf.layers.conv2d({…})`; a class the studio ships itself (Subtract) is built with `new Subtract({…})`. */
function factoryCall(c: ClassConfig, indent: string): string {
  if (isCustomLayerClass(c.className)) return `new ${c.className}(${jsObject(c.config, indent)})`;
  return `tf.layers.${factoryName(c.className)}(${jsObject(c.config, indent)})`;
}

function layerLine(l: PlannedLayer, vars: Map<string, string>, ts: boolean): string {
  const v = vars.get(l.node.id)!;
  if (l.isInput) {
    const { batchInputShape, dtype } = l.config as { batchInputShape: unknown[]; dtype?: string };
    return `  const ${v} = tf.input(${jsObject({ batchShape: batchInputShape, dtype: dtype ?? 'float32', name: l.node.name }, '  ')});`;
  }
  const xs = l.inputs.map((id) => vars.get(id)!);
  const arg = xs.length === 1 ? xs[0] : `[${xs.join(', ')}]`;
  const cast = ts ? ' as tf.SymbolicTensor' : '';
  return `  const ${v} = ${factoryCall(l, '  ')}.apply(${arg})${cast};`;
}

/**
 * TF.js code (an ES module exporting `buildModel()`) that rebuilds the graph with the same layer names and
 * configs as `compileGraph`. Throws CompileError for an invalid graph.
 */
export function toTfjsCode(graph: Graph, language: CodeLanguage = 'typescript', modelName = 'model'): string {
  const plan = planModel(graph);
  const ts = language === 'typescript';
  const vars = variableNames(plan.layers, RESERVED);
  const list = (ids: string[]) => `[${ids.map((id) => vars.get(id)).join(', ')}]`;
  return [
    `// ${modelName.replace(/\n/g, ' ')}: the model's architecture, exported from Model Studio (untrained weights).`,
    "import * as tf from '@tensorflow/tfjs';",
    '',
    ...customLayerSource(
      plan.layers.map((l) => l.className),
      language,
    ),
    '/** Builds the model with fresh weights; load trained ones with model.loadWeights or tf.loadLayersModel. */',
    `export function buildModel()${ts ? ': tf.LayersModel' : ''} {`,
    ...plan.layers.map((l) => layerLine(l, vars, ts)),
    `  return tf.model({ inputs: ${list(plan.inputs)}, outputs: ${list(plan.outputs)}, name: '${modelName.replace(/['\\]/g, '')}' });`,
    '}',
    '',
  ].join('\n');
}
