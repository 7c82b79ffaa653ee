import type { Graph, GraphInfo, MessageCode, Params, Shape } from '../graph';
import { formatShape } from '../graph';
import { checkBoxHeads, checkSeveralInputs } from './domain-check';
import { checkIndexInputs, indexRangeOf } from './index-check';
import type { DatasetSignature, LoadedDataset } from './types';

export type { DatasetSignature };

/** A mismatch between dataset and model, with a one-click graph edit where one exists. */
export interface CheckIssue {
  message: string;
  /** The message as a code and values, so that the UI can say it in its language (`data:check.<code>`). */
  detail?: MessageCode;
  fix?: { label: string; nodeId: string; params: Params };
}

const CLASS_LOSSES = /crossentropy|hinge/i;
const NUMERIC_LOSSES = /squared|absolute|huber|logcosh|poisson/i;

/**
 * Compares a dataset with the model: the Input's shape and dtype against one sample, and the output's
 * size, activation and the loss against the labels. Returns nothing when they fit.
 */
export function checkDatasetModel(
  ds: DatasetSignature,
  graph: Graph,
  info: GraphInfo,
  loss?: string,
): CheckIssue[] {
  const issues: CheckIssue[] = [];
  const inputs = graph.nodes.filter((n) => n.type === 'Input');
  if (inputs.length === 0)
    return [
      {
        message: 'The model has no Input layer: add one to feed the dataset in.',
        detail: { code: 'noInput', values: {} },
      },
    ];
  if (inputs.length > 1) issues.push(...checkSeveralInputs(ds, inputs));
  else issues.push(...checkInput(ds, inputs[0].id, inputs[0].name, inputs[0].params));
  issues.push(...checkIndexInputs(ds, graph));
  const sources = new Set(graph.edges.map((e) => e.source));
  const outputs = graph.nodes.filter((n) => !sources.has(n.id) && n.type !== 'Input');
  if (outputs.length === 0) return issues;
  if (ds.domain?.kind === 'boxes') issues.push(...checkBoxHeads(ds, outputs, info));
  else if (outputs.length === 1) {
    const shape = info.nodes.get(outputs[0].id)?.shape;
    if (shape) issues.push(...checkOutput(ds, outputs[0], shape));
  } else issues.push(...checkOutputs(ds, outputs, info));
  if (loss) issues.push(...checkLoss(ds, loss));
  return issues;
}

/** The signature of a loaded dataset (with the range of its ids and its training size when it has them). */
export function signatureOf(
  ds: DatasetSignature & Partial<Pick<LoadedDataset, 'x' | 'format' | 'counts'>>,
): DatasetSignature {
  const { inputShape, inputDtype, labelKind, targetShape, numClasses, classNames } = ds;
  const sig: DatasetSignature = { inputShape, inputDtype, labelKind, targetShape, numClasses, classNames };
  if (ds.x && inputDtype === 'int32') sig.indexRange = indexRangeOf(ds.x, ds.format);
  if (ds.counts) sig.trainSamples = ds.counts.train;
  if (ds.domain) sig.domain = ds.domain;
  return sig;
}

function checkInput(ds: DatasetSignature, id: string, name: string, params: Params): CheckIssue[] {
  const shape = Array.isArray(params.shape) ? (params.shape as (number | null)[]) : [];
  // A None dimension (a sequence of any length) matches whatever length the samples have.
  const sameShape =
    shape.length === ds.inputShape.length && shape.every((d, i) => d === null || d === ds.inputShape[i]);
  const dtype = params.dtype ?? 'float32';
  if (sameShape && dtype === ds.inputDtype) return [];
  const want = formatShape([null, ...ds.inputShape]);
  const message = !sameShape
    ? `Each sample is ${formatShape(ds.inputShape)}, but the Input "${name}" expects ${formatShape(shape)}: the model would get ${want}.`
    : `The dataset holds ${ds.inputDtype === 'int32' ? 'token ids (int32)' : 'numbers (float32)'}, but the Input "${name}" is ${String(dtype)}.`;
  const detail: MessageCode = !sameShape
    ? {
        code: 'inputShape',
        values: { sample: formatShape(ds.inputShape), name, expects: formatShape(shape), want },
      }
    : {
        code: ds.inputDtype === 'int32' ? 'inputIds' : 'inputNumbers',
        values: { name, dtype: String(dtype) },
      };
  const label = `Set Input to ${formatShape(ds.inputShape)}${dtype !== ds.inputDtype ? ` ${ds.inputDtype}` : ''}`;
  return [
    { message, detail, fix: { label, nodeId: id, params: { shape: ds.inputShape, dtype: ds.inputDtype } } },
  ];
}

/**
 * Several outputs train as the engine does: a class label trains every head on the same label (auxiliary heads);
 * numeric target columns are split across the heads in output order, so their units must add up.
 */
function checkOutputs(ds: DatasetSignature, outputs: Graph['nodes'], info: GraphInfo): CheckIssue[] {
  const shapes = outputs.map((o) => info.nodes.get(o.id)?.shape);
  if (shapes.some((s) => !s)) return [];
  if (ds.labelKind === 'numeric') {
    const k = ds.targetShape.reduce((a, b) => a * b, 1);
    const units = shapes.reduce((n, s) => n + Number(s![s!.length - 1] ?? 0), 0);
    if (units === k) return [];
    return [
      {
        message: `The model's ${outputs.length} outputs give ${units} values per sample in all, but the dataset has ${k} numeric target${k === 1 ? '' : 's'}: the target columns are split across the outputs in order, so their units must add up to ${k}.`,
      },
    ];
  }
  return outputs.flatMap((o, i) =>
    checkOutput(ds, o, shapes[i]!).map((issue) => ({
      ...issue,
      message: `${o.name}: ${issue.message}`,
      detail: issue.detail && { code: 'named', values: { name: o.name }, cause: issue.detail },
    })),
  );
}

function checkOutput(ds: DatasetSignature, out: Graph['nodes'][number], shape: Shape): CheckIssue[] {
  const dense = out.type === 'Dense';
  const activation = String(out.params.activation ?? 'linear');
  const last = shape[shape.length - 1];
  if (shape.length > 2) {
    return [
      {
        message: `The model's output is ${formatShape(shape)}, but each label is one value: add Flatten or GlobalAveragePooling and a Dense layer at the end.`,
        detail: { code: 'outputRank', values: { shape: formatShape(shape) } },
      },
    ];
  }
  if (ds.labelKind === 'numeric') {
    const k = ds.targetShape.reduce((a, b) => a * b, 1);
    const ok = last === k && (!dense || activation === 'linear');
    if (ok) return [];
    const message =
      last !== k
        ? `The model outputs ${last} value${last === 1 ? '' : 's'} per sample, but the dataset has ${k} numeric target${k === 1 ? '' : 's'}.`
        : `The last Dense uses "${activation}", which limits the range of predictions; numeric targets need "linear".`;
    const detail: MessageCode =
      last !== k
        ? { code: 'numericCount', values: { last: String(last), targets: k } }
        : { code: 'needsLinear', values: { activation } };
    return [
      withFix(
        message,
        dense,
        out.id,
        `Set the last Dense to ${k} unit${k === 1 ? '' : 's'}, linear`,
        {
          units: k,
          activation: 'linear',
        },
        detail,
      ),
    ];
  }
  const k = ds.numClasses ?? 0;
  const binary = k === 2 && last === 1 && (!dense || activation === 'sigmoid');
  const multi = last === k && (!dense || activation === 'softmax');
  if (binary || multi) return [];
  const names = ds.classNames?.length
    ? ` (${ds.classNames.slice(0, 5).join(', ')}${k > 5 ? ', …' : ''})`
    : '';
  const message =
    last !== k && !(k === 2 && last === 1)
      ? `The model ends in ${last} unit${last === 1 ? '' : 's'}, but the dataset has ${k} classes${names}.`
      : `The last Dense uses "${activation}"; for class probabilities it should use ${last === 1 ? 'sigmoid' : 'softmax'}.`;
  const detail: MessageCode =
    last !== k && !(k === 2 && last === 1)
      ? { code: 'classCount', values: { last: String(last), classes: k, names } }
      : { code: 'classActivation', values: { activation, want: last === 1 ? 'sigmoid' : 'softmax' } };
  const params =
    last === 1 && k === 2 ? { units: 1, activation: 'sigmoid' } : { units: k, activation: 'softmax' };
  return [
    withFix(
      message,
      dense,
      out.id,
      `Set the last Dense to ${params.units} units with ${params.activation}`,
      params,
      detail,
    ),
  ];
}

function withFix(
  message: string,
  dense: boolean,
  nodeId: string,
  label: string,
  params: Params,
  detail: MessageCode,
): CheckIssue {
  return dense
    ? { message, detail, fix: { label, nodeId, params } }
    : {
        message: `${message} End the model with a Dense layer.`,
        detail: { code: 'endWithDense', values: {}, cause: detail },
      };
}

function checkLoss(ds: DatasetSignature, loss: string): CheckIssue[] {
  if (ds.labelKind === 'classes' && NUMERIC_LOSSES.test(loss)) {
    return [
      {
        message: `The loss "${loss}" is for numeric targets; for classes use sparseCategoricalCrossentropy.`,
        detail: { code: 'lossNumeric', values: { loss } },
      },
    ];
  }
  if (ds.labelKind === 'numeric' && CLASS_LOSSES.test(loss)) {
    return [
      {
        message: `The loss "${loss}" is for classes; for numeric targets use meanSquaredError.`,
        detail: { code: 'lossClasses', values: { loss } },
      },
    ];
  }
  if (/^binary/i.test(loss) && (ds.numClasses ?? 0) > 2) {
    return [
      {
        message: `The loss "${loss}" handles two classes; this dataset has ${ds.numClasses}. Use sparseCategoricalCrossentropy.`,
        detail: { code: 'lossBinary', values: { loss, classes: ds.numClasses ?? 0 } },
      },
    ];
  }
  return [];
}
