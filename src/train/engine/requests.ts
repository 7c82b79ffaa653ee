import * as tf from '@tensorflow/tfjs';
import { exportModelFiles } from '../../compile/export-files';
import type { Reply } from '../protocol';
import type { TestPredictions } from '../types';
import { predictAll, predictFirst, predictSplit } from './evaluate';
import { Feed } from './feed';
import type { Session } from './session';

type Ok = Extract<Reply, { ok: true }>;

/** Predictions on the test split, as the evaluation UI wants them (the first output's, for several outputs). */
async function evaluate(session: Session): Promise<TestPredictions> {
  const { model, trainer } = session;
  const data = session.start.data;
  if (!data)
    throw new Error(
      'An agent has no test split: evaluate it in the Play tab (greedy episodes against a random policy).',
    );
  const yPred = await predictSplit(model!, trainer?.feed ?? new Feed(data), data.test);
  const classes = data.labelKind === 'classes';
  const size = data.targetShape.reduce((a, b) => a * b, 1);
  const yTrue = Float32Array.from({ length: data.test.count }, (_, i) => data.test.y[i * size]);
  const units = model!.outputs[0].shape.at(-1) ?? 1;
  return {
    kind: classes ? 'classification' : 'regression',
    yTrue,
    yPred:
      classes || units === 1
        ? yPred
        : Float32Array.from({ length: data.test.count }, (_, i) => yPred[i * units]),
    numClasses: classes ? (data.numClasses ?? units) : 0,
    classNames: data.classNames,
  };
}

async function predict(
  session: Session,
  x: Float32Array | Int32Array,
  shape: number[],
  all = false,
): Promise<Float32Array> {
  const out = tf.tidy(() => {
    const input = tf.tensor(x, shape, x instanceof Int32Array ? 'int32' : 'float32');
    // A model with several outputs answers with its first output (the one Try-it shows), or all side by side.
    if (!all) return tf.cast(predictFirst(session.model!, input), 'float32');
    const outs = predictAll(session.model!, input).map((t) =>
      tf.reshape(tf.cast(t, 'float32'), [shape[0], -1]),
    );
    return outs.length === 1 ? outs[0] : tf.concat(outs, 1);
  });
  const values = (await out.data()) as Float32Array;
  out.dispose();
  return values;
}

/** Answers an evaluate / predict / export request against the session's trained model. */
export async function answer(
  session: Session | null,
  msg: {
    type: 'evaluate' | 'predict' | 'export';
    id: number;
    x?: Float32Array | Int32Array;
    shape?: number[];
    all?: boolean;
  },
): Promise<{ reply: Reply; transfer: Transferable[] }> {
  const id = msg.id;
  if (!session?.model)
    return { reply: { type: 'reply', id, ok: false, message: 'Train the model first.' }, transfer: [] };
  try {
    let reply: Ok;
    if (msg.type === 'evaluate')
      reply = { type: 'reply', id, ok: true, kind: 'evaluate', value: await evaluate(session) };
    else if (msg.type === 'predict')
      reply = {
        type: 'reply',
        id,
        ok: true,
        kind: 'predict',
        value: await predict(session, msg.x!, msg.shape!, msg.all),
      };
    else
      reply = {
        type: 'reply',
        id,
        ok: true,
        kind: 'export',
        value: await exportModelFiles(session.model, 'model'),
      };
    const transfer: Transferable[] =
      reply.kind === 'evaluate'
        ? [reply.value.yTrue.buffer, reply.value.yPred.buffer]
        : reply.kind === 'predict'
          ? [reply.value.buffer]
          : [reply.value.weights];
    return { reply, transfer };
  } catch (e) {
    return {
      reply: { type: 'reply', id, ok: false, message: e instanceof Error ? e.message : String(e) },
      transfer: [],
    };
  }
}
