import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { filterGradCall, type KernelArgs } from './kernels/filter-grad';
import { registerBatchMatMulWasm } from './kernels/wasm/batch-mat-mul';
import { registerConvBiasAct } from './kernels/wasm/conv-bias-act';
import { conv2dBackpropFilterWasm } from './kernels/wasm/conv2d-backprop-filter';
import { registerConv2dBackpropInputWasm } from './kernels/wasm/conv2d-backprop-input';
import { registerMaxPoolGradWasm } from './kernels/wasm/max-pool-grad';
import { registerWasmOptimizerKernels } from './kernels/wasm/optimizer-updates';
import { registerSumWasm } from './kernels/wasm/sum';
import { registerTileWasm } from './kernels/wasm/tile';

type Info = tf.TensorInfo;

/**
 * Gradient kernels the WASM backend lacks for the catalog's layers (found by wasm-kernels.test.ts): without
 * them a convnet cannot train on WASM at all.
 */
export const WASM_TRAINING_KERNELS = [
  'Conv2DBackpropFilter',
  'DepthwiseConv2dNativeBackpropFilter',
  'DepthwiseConv2dNativeBackpropInput',
  'UnsortedSegmentSum',
] as const;

function run(
  name: string,
  backend: BackendWasm,
  inputs: tf.NamedTensorInfoMap,
  attrs: tf.NamedAttrMap,
): Info {
  const kernel = tf.getKernel(name, 'wasm')!;
  return kernel.kernelFunc({ inputs, attrs, backend }) as Info;
}

/**
 * When the filter gradient goes through im2col (kernels/wasm/conv2d-backprop-filter.ts) rather than the
 * convolution below, from timings on WASM with a fresh dy each call: few input channels (the reference CNN's
 * first layer: 7.3–10.9 → 4.7–5.7 ms a step), or a strided layer with several output channels (the DCGAN's
 * 4×4 stride-2 32 → 64 layer: 45 → 21 ms at batch 64). The convolution stays faster at stride 1 with many
 * channels (32 → 32, 3×3: 56 against 94 ms) and for a single output channel (12.5 against 31 ms). Measured
 * again with the SIMD product (kernels.wat `filterGrad`), the same choice holds: 32 → 32 3×3 at batch 64 on
 * 14×14, 26 ms by convolution against 37 by im2col (126 against 264 on 28×28); 32 → 64 stride 2, 16 ms either way.
 */
function im2colWins(info: tf.backend_util.Conv2DInfo): boolean {
  const strided = info.strideHeight > 1 || info.strideWidth > 1;
  return info.inChannels <= 4 || (strided && info.outChannels >= 8);
}

/**
 * dW[kh, kw, ci, co] = Σ x[b, oh·s + kh·d, ow·s + kw·d, ci] · dy[b, oh, ow, co]: a convolution of the
 * transposed input [ci, H, W, b] with the transposed output gradient [oh, ow, b, co] as its filter, with
 * stride and dilation swapped. It runs on XNNPACK's convolution, like the forward pass.
 */
function conv2dBackpropFilter(args: KernelArgs): Info {
  const wasm = args.backend as BackendWasm;
  const { x, dy, info } = filterGradCall(args, false);
  if (im2colWins(info)) return conv2dBackpropFilterWasm(args);
  const [b, h, w, ci] = x.shape;
  const { top, left } = info.padInfo;
  // Rows/columns the forward pass read, in padded coordinates; trailing ones it never read are cropped.
  const usedH = (info.outHeight - 1) * info.strideHeight + (info.filterHeight - 1) * info.dilationHeight + 1;
  const usedW = (info.outWidth - 1) * info.strideWidth + (info.filterWidth - 1) * info.dilationWidth + 1;
  const bottom = usedH - top - h;
  const right = usedW - left - w;
  const temps: Info[] = [];
  let input = x;
  if (bottom < 0 || right < 0) {
    input = run(
      'Slice',
      wasm,
      { x },
      { begin: [0, 0, 0, 0], size: [b, h + Math.min(0, bottom), w + Math.min(0, right), ci] },
    );
    temps.push(input);
  }
  const xT = run('Transpose', wasm, { x: input }, { perm: [3, 1, 2, 0] });
  const dyT = run('Transpose', wasm, { x: dy }, { perm: [1, 2, 0, 3] });
  temps.push(xT, dyT);
  const pad = [
    [0, 0],
    [top, Math.max(0, bottom)],
    [left, Math.max(0, right)],
    [0, 0],
  ];
  const conv = run('Conv2D', wasm, { x: xT, filter: dyT }, {
    strides: [info.dilationHeight, info.dilationWidth],
    dilations: [info.strideHeight, info.strideWidth],
    pad,
    dataFormat: 'NHWC',
  } as unknown as tf.NamedAttrMap);
  temps.push(conv);
  const out = run('Transpose', wasm, { x: conv }, { perm: [1, 2, 0, 3] });
  for (const t of temps) wasm.disposeData(t.dataId);
  return out;
}

/** Runs the CPU backend's kernel on copies of the inputs and returns the result in WASM memory. */
function viaCpu(name: string) {
  return ({ inputs, attrs, backend }: KernelArgs): Info | Info[] => {
    const wasm = backend as BackendWasm;
    const cpu = tf.engine().findBackend('cpu') as tf.KernelBackend & {
      makeTensorInfo(shape: number[], dtype: tf.DataType, values: tf.backend_util.BackendValues): Info;
    };
    const moved: tf.NamedTensorInfoMap = {};
    for (const [k, t] of Object.entries(inputs)) {
      if (t) moved[k] = cpu.makeTensorInfo(t.shape, t.dtype, wasm.readSync(t.dataId));
    }
    const result = tf.getKernel(name, 'cpu')!.kernelFunc({ inputs: moved, attrs, backend: cpu });
    const outs = (Array.isArray(result) ? result : [result]).map((o) => {
      const values = cpu.readSync(o.dataId);
      cpu.disposeData(o.dataId);
      return wasm.makeOutput(o.shape, o.dtype, undefined, values);
    });
    for (const t of Object.values(moved)) if (t) cpu.disposeData(t.dataId);
    return Array.isArray(result) ? outs : outs[0];
  };
}

/**
 * Registers the missing gradient kernels for the WASM backend (once), faster versions of some it has
 * (MaxPoolGrad, Conv2DBackpropInput on XNNPACK, Tile as block copies, Sum over leading axes, BatchMatMul with
 * transposed operands made plain first; tfjs' own ones stay for what these do not take), the fused optimiser
 * updates (`kernels/wasm/optimizer-updates.ts`) and Conv2D layers' convolution + bias + ReLU as one op
 * (`kernels/wasm/conv-bias-act.ts`).
 */
export function registerWasmTrainingKernels(): void {
  registerMaxPoolGradWasm();
  registerBatchMatMulWasm();
  registerWasmOptimizerKernels();
  registerSumWasm();
  registerConv2dBackpropInputWasm();
  registerTileWasm();
  registerConvBiasAct();
  for (const name of WASM_TRAINING_KERNELS) {
    if (tf.getKernel(name, 'wasm')) continue;
    const kernelFunc = name === 'Conv2DBackpropFilter' ? conv2dBackpropFilter : viaCpu(name);
    tf.registerKernel({ kernelName: name, backendName: 'wasm', kernelFunc: kernelFunc as tf.KernelFunc });
  }
}
