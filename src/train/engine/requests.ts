import * as tf from '@tensorflow/tfjs';
import { exportModelFiles } from '../../compile/export-files';
import type { Reply } from '../protocol';
import type { TestPredictions } from '../types';
import { predictFirst, predictSplit } from './evaluate';
import type { Session } from './session';

type Ok = Extract<Reply, { ok: true }>;

/** Predictions on the test split, as the evaluation UI wants them (the first output's, for several outputs). */
async function evaluate(session: Session): Promise<TestPredictions> {
  const { model, trainer } = session;
  const data = session.start.data;
  const yPred = await predictSplit(model!, trainer!.feed, data.test);
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
): Promise<Float32Array> {
  const out = tf.tidy(() => {
    const input = tf.tensor(x, shape, x instanceof Int32Array ? 'int32' : 'float32');
    // A model with several outputs answers with its first output (the one Try-it shows).
    return tf.cast(predictFirst(session.model!, input), 'float32');
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
        value: await predict(session, msg.x!, msg.shape!),
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
