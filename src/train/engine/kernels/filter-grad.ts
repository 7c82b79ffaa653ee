import * as tf from '@tensorflow/tfjs';

type Info = tf.TensorInfo;
/** What tfjs hands a kernel function. */
export type KernelArgs = { inputs: tf.NamedTensorInfoMap; attrs?: tf.NamedAttrMap; backend: unknown };
type Pad = 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;

/**
 * The inputs of a filter-gradient kernel (Conv2DBackpropFilter, DepthwiseConv2dNativeBackpropFilter) on any
 * backend, and the geometry of its convolution (stride, padding, dilation, layout).
 */
export function filterGradCall({ inputs, attrs }: KernelArgs, depthwise: boolean) {
  const { x, dy } = inputs as { x: Info; dy: Info };
  const a = attrs as unknown as {
    strides: number | [number, number];
    dilations?: number | [number, number];
    pad: Pad;
    dataFormat?: 'NHWC' | 'NCHW';
    dimRoundingMode?: 'floor' | 'round' | 'ceil';
    filterShape: [number, number, number, number];
  };
  const format = a.dataFormat === 'NCHW' ? 'NCHW' : 'NHWC';
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    a.filterShape,
    a.strides,
    a.dilations ?? 1,
    a.pad,
    a.dimRoundingMode,
    depthwise,
    format === 'NCHW' ? 'channelsFirst' : 'channelsLast',
  );
  return { x, dy, filterShape: a.filterShape, format, info } as const;
}
