import * as tf from '@tensorflow/tfjs';

interface CpuBackend {
  readSync(dataId: object): tf.TypedArray;
  makeTensorInfo(shape: number[], dtype: tf.DataType, values: tf.TypedArray): tf.TensorInfo;
}

/**
 * UnsortedSegmentSum in one pass: out[ids[i]] += x[i]. The CPU backend's own kernel runs four kernels per
 * segment (equal, cast, multiply, sum), so an Embedding's gradient — a segment sum over every row of the table —
 * took ~0.5 s per batch for a 450-row table; this takes microseconds.
 */
function unsortedSegmentSum({
  inputs,
  attrs,
  backend,
}: {
  inputs: tf.NamedTensorInfoMap;
  attrs?: tf.NamedAttrMap;
  backend: unknown;
}) {
  const cpu = backend as CpuBackend;
  const { x, segmentIds } = inputs as { x: tf.TensorInfo; segmentIds: tf.TensorInfo };
  const numSegments = Number(attrs?.numSegments);
  const xs = cpu.readSync(x.dataId);
  const ids = cpu.readSync(segmentIds.dataId);
  const inner = x.shape.slice(segmentIds.shape.length).reduce((a, b) => a * b, 1);
  const out =
    x.dtype === 'int32' ? new Int32Array(numSegments * inner) : new Float32Array(numSegments * inner);
  for (let i = 0; i < ids.length; i++) {
    const s = ids[i];
    if (s < 0 || s >= numSegments) continue;
    for (let k = 0; k < inner; k++) out[s * inner + k] += xs[i * inner + k];
  }
  return cpu.makeTensorInfo([numSegments, ...x.shape.slice(segmentIds.shape.length)], x.dtype, out);
}

let registered = false;

/** Replaces the CPU backend's UnsortedSegmentSum with the one-pass kernel (once per thread). */
export function registerCpuSegmentSum(): void {
  if (registered) return;
  registered = true;
  if (tf.getKernel('UnsortedSegmentSum', 'cpu')) tf.unregisterKernel('UnsortedSegmentSum', 'cpu');
  tf.registerKernel({
    kernelName: 'UnsortedSegmentSum',
    backendName: 'cpu',
    kernelFunc: unsortedSegmentSum as unknown as tf.KernelFunc,
  });
}
