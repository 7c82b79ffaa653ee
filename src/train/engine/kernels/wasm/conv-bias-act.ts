import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { KernelArgs } from '../filter-grad';
import { oneInput, patchLayerCall, unpatchLayerCall } from '../layer-patch';
import { heapOffset, simdKernels } from './simd';

type Info = tf.TensorInfo;

/** A Conv2D layer's convolution, bias and ReLU (or no activation) as one op on WASM, with its own gradient. */
export const CONV_BIAS_ACT = 'StudioConv2DBiasAct';
/** A Dense layer's product, bias and ReLU as one op on WASM, with its own gradient. */
export const DENSE_BIAS_RELU = 'StudioDenseBiasRelu';
/** dy · [y > 0] and its sum over every axis but the channels, in one pass (the gradient of bias + ReLU). */
export const RELU_BIAS_GRAD = 'StudioReluBiasGrad';

interface ConvAttrs {
  strides: [number, number];
  pad: 'valid' | 'same';
  activation: 'relu' | 'linear';
}

/**
 * The forward pass: the WASM backend's FusedConv2D (XNNPACK computes bias and ReLU in its convolution), the
 * kernel tfjs-layers already runs for inference. While gradients are recorded tfjs-core splits it into
 * Conv2D, Add and Relu, and their gradients into Step, Multiply and Sum: four passes over the layer's output
 * (for the reference CNN, 692,224 values a step) that this op and `reluBiasGrad` do in one each way.
 */
function convBiasAct({ inputs, attrs, backend }: KernelArgs): Info {
  const { strides, pad, activation } = attrs as unknown as ConvAttrs;
  return tf.getKernel('FusedConv2D', 'wasm')!.kernelFunc({
    inputs,
    attrs: { strides, pad, dataFormat: 'NHWC', dilations: [1, 1], activation },
    backend,
  } as unknown as Parameters<tf.KernelFunc>[0]) as Info;
}

/**
 * dz = dy where y > 0 else 0, and db[c] = Σ dz[…, c] in the same pass, summed in float32 in memory order — the
 * order of the WASM Sum it replaces (kernels/wasm/sum.ts), so the bias gradient is the same number. SIMD
 * (kernels.wat) for channels in fours, else a loop here.
 */
export function reluBiasGrad({ inputs, backend }: KernelArgs): Info[] {
  const wasm = backend as BackendWasm;
  const { dy, y } = inputs as { dy: Info; y: Info };
  const C = y.shape[y.shape.length - 1];
  const dz = wasm.makeOutput(y.shape, 'float32');
  const db = wasm.makeOutput([C], 'float32');
  // Views after the allocations: making an output may grow (and so move) the heap.
  const sums = wasm.typedArrayFromHeap(db) as Float32Array;
  sums.fill(0);
  const simd = C % 4 === 0 ? simdKernels(wasm) : null;
  if (simd) {
    const rows = tf.util.sizeFromShape(y.shape) / C;
    const at = (t: Info) => heapOffset(wasm, t);
    simd.reluBiasGrad(at(dy), at(y), at(dz), at(db), rows, C);
    return [dz, db];
  }
  const g = wasm.typedArrayFromHeap(dy) as Float32Array;
  const out = wasm.typedArrayFromHeap(y) as Float32Array;
  const z = wasm.typedArrayFromHeap(dz) as Float32Array;
  for (let i = 0; i < out.length; i += C) {
    for (let c = 0; c < C; c++) {
      const v = out[i + c] > 0 ? g[i + c] : 0;
      z[i + c] = v;
      sums[c] += v;
    }
  }
  return [dz, db];
}

/** The op's gradient: dx and dW only where tfjs asks for them (a first layer's input needs no dx). */
const convBiasActGradient: tf.GradConfig = {
  kernelName: CONV_BIAS_ACT,
  inputsToSave: ['x', 'filter'],
  outputsToSave: [true],
  gradFunc: (dy, saved, attrs) => {
    const [x, filter, y] = saved;
    const { strides, pad, activation } = attrs as unknown as ConvAttrs;
    const [dz, db] =
      activation === 'relu'
        ? (tf.engine().runKernel(RELU_BIAS_GRAD, { dy: dy as tf.Tensor, y }, {}) as tf.Tensor[])
        : [dy as tf.Tensor, tf.sum(dy as tf.Tensor, [0, 1, 2])];
    const conv = { strides, pad, dataFormat: 'NHWC' };
    return {
      x: () =>
        tf.engine().runKernel('Conv2DBackpropInput', { dy: dz, filter }, {
          ...conv,
          inputShape: x.shape,
        } as unknown as tf.NamedAttrMap) as tf.Tensor,
      filter: () =>
        tf.engine().runKernel('Conv2DBackpropFilter', { x, dy: dz }, {
          ...conv,
          filterShape: filter.shape,
        } as unknown as tf.NamedAttrMap) as tf.Tensor,
      bias: () => db,
    };
  },
};

/** Dense forward: the WASM backend's _FusedMatMul with bias and ReLU (XNNPACK), as inference runs it. */
function denseBiasRelu({ inputs, backend }: KernelArgs): Info {
  const { x, kernel, bias } = inputs as { x: Info; kernel: Info; bias: Info };
  // The kernel takes batches of matrices (tfjs-core reshapes to rank 3 before calling it).
  const batch = (t: Info) => ({ dataId: t.dataId, shape: [1, ...t.shape], dtype: t.dtype });
  const out = tf.getKernel('_FusedMatMul', 'wasm')!.kernelFunc({
    inputs: { a: batch(x), b: batch(kernel), bias },
    attrs: { transposeA: false, transposeB: false, activation: 'relu' },
    backend,
  } as unknown as Parameters<tf.KernelFunc>[0]) as Info;
  out.shape = [x.shape[0], kernel.shape[1]];
  return out;
}

/** Dense's gradient: one ReLU-and-bias pass, then dx = dz·Wᵀ and dW = xᵀ·dz only where tfjs asks for them. */
const denseBiasReluGradient: tf.GradConfig = {
  kernelName: DENSE_BIAS_RELU,
  inputsToSave: ['x', 'kernel'],
  outputsToSave: [true],
  gradFunc: (dy, saved) => {
    const [x, kernel, y] = saved;
    const [dz, db] = tf.engine().runKernel(RELU_BIAS_GRAD, { dy: dy as tf.Tensor, y }, {}) as tf.Tensor[];
    return {
      x: () => tf.matMul(dz, kernel, false, true),
      kernel: () => tf.matMul(x, dz, true, false),
      bias: () => db,
    };
  },
};

export const CONV_BIAS_ACT_KERNELS: tf.KernelConfig[] = [
  { kernelName: DENSE_BIAS_RELU, backendName: 'wasm', kernelFunc: denseBiasRelu as unknown as tf.KernelFunc },
  { kernelName: CONV_BIAS_ACT, backendName: 'wasm', kernelFunc: convBiasAct as unknown as tf.KernelFunc },
  { kernelName: RELU_BIAS_GRAD, backendName: 'wasm', kernelFunc: reluBiasGrad as unknown as tf.KernelFunc },
];

/** The fields of tfjs-layers' Conv2D this reads. */
interface ConvLayer {
  rank: number;
  kernel: { read(): tf.Tensor };
  bias: { read(): tf.Tensor } | null;
  strides: number[];
  padding: string;
  dataFormat: string;
  dilationRate: number | number[];
  activation: { getClassName(): string };
}

/**
 * Routes a Conv2D layer with a bias and ReLU or no activation (channels last, no dilation, float32 NHWC input),
 * and a Dense layer with a bias and ReLU, through the fused ops on WASM; anything else, and every other
 * backend, runs tfjs-layers' own code.
 */
export function registerConvBiasAct(): void {
  for (const k of CONV_BIAS_ACT_KERNELS) if (!tf.getKernel(k.kernelName, 'wasm')) tf.registerKernel(k);
  tf.registerGradient(convBiasActGradient);
  tf.registerGradient(denseBiasReluGradient);
  patchDense();
  patchLayerCall<ConvLayer>('Conv2D', (layer, inputs) => {
    const x = oneInput(inputs);
    const name = layer.activation?.getClassName();
    const dilations = [layer.dilationRate].flat();
    const fused =
      tf.getBackend() === 'wasm' &&
      x !== null &&
      x.rank === 4 &&
      x.dtype === 'float32' &&
      layer.rank === 2 &&
      layer.bias !== null &&
      layer.dataFormat === 'channelsLast' &&
      (layer.padding === 'valid' || layer.padding === 'same') &&
      dilations.every((d) => d === 1) &&
      (name === 'relu' || name === 'linear');
    if (!fused) return null;
    const attrs = { strides: layer.strides, pad: layer.padding, activation: name };
    return tf.tidy(
      () =>
        tf
          .engine()
          .runKernel(
            CONV_BIAS_ACT,
            { x, filter: layer.kernel.read(), bias: layer.bias!.read() },
            attrs as unknown as tf.NamedAttrMap,
          ) as tf.Tensor,
    );
  });
}

/** The fields of tfjs-layers' Dense this reads. */
interface DenseLayer {
  kernel: { read(): tf.Tensor };
  bias: { read(): tf.Tensor } | null;
  activation: { getClassName(): string };
  invokeCallHook(inputs: tf.Tensor | tf.Tensor[], kwargs: tf.serialization.ConfigDict): void;
}

/**
 * Routes a Dense layer with a bias and ReLU on a float32 matrix through the fused op on WASM. Without an
 * activation tfjs-core keeps its fused product while training anyway; anything else runs tfjs-layers' code.
 */
function patchDense(): void {
  patchLayerCall<DenseLayer>('Dense', (layer, inputs, kwargs) => {
    const x = oneInput(inputs);
    const fused =
      tf.getBackend() === 'wasm' &&
      x !== null &&
      x.rank === 2 &&
      x.dtype === 'float32' &&
      layer.bias !== null &&
      layer.activation?.getClassName() === 'relu';
    if (!fused) return null;
    layer.invokeCallHook(inputs, kwargs);
    return tf.tidy(
      () =>
        tf
          .engine()
          .runKernel(
            DENSE_BIAS_RELU,
            { x, kernel: layer.kernel.read(), bias: layer.bias!.read() },
            {},
          ) as tf.Tensor,
    );
  });
}

/** Puts tfjs-layers' own Conv2D and Dense back (benchmarks compare before / after). */
export function unregisterConvBiasAct(): void {
  unpatchLayerCall('Conv2D');
  unpatchLayerCall('Dense');
}
