import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { KernelArgs } from '../filter-grad';
import { wrapWasmKernel } from './wrap';

type Info = tf.TensorInfo;
type Pad = 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;

/** tfjs-backend-wasm's own Conv2DBackpropInput (a plain C loop), kept for what ours does not take (NCHW). */
let original: tf.KernelConfig | undefined;

/** One axis of a stride phase: which filter taps and which dy rows make the dx rows ≡ r (mod s). */
interface Phase {
  /** First filter tap of the phase (taps ρ, ρ + s, …) and how many there are. */
  rho: number;
  taps: number;
  /** dx rows of the phase (r, r + s, …) and the padded dy rows its convolution reads. */
  rows: number;
  padded: number;
  /** The dy row read at padded row 0 (negative: zero padding before dy). */
  first: number;
}

/**
 * dx[s·u + r] = Σ_j dy[u + c − j] · w[s·j + ρ] with ρ = (r + pad) mod s and c = (r + pad − ρ) / s: for each
 * residue r, a stride-1 correlation of dy with the phase's taps, flipped.
 */
function phase(r: number, s: number, pad: number, k: number, size: number): Phase {
  const rho = (((r + pad) % s) + s) % s;
  const taps = rho < k ? Math.ceil((k - rho) / s) : 0;
  const c = (r + pad - rho) / s;
  const rows = r < size ? Math.ceil((size - r) / s) : 0;
  return { rho, taps, rows, padded: rows + taps - 1, first: c - (taps - 1) };
}

/**
 * Conv2DBackpropInput (the input gradient of a strided convolution, and the forward pass of Conv2DTranspose)
 * for the WASM backend on XNNPACK's convolution. tfjs-backend-wasm's kernel is a plain loop: 59 % of a DCGAN
 * step (bench/wasm-profile.ts --template dcgan-mnist). Split by stride phase (the dx rows ≡ r, columns ≡ q), dx
 * is s_h·s_w stride-1 convolutions of dy (zero-padded, in JS) with the phase's filter taps flipped and
 * transposed, whose results interleave into dx: the same products as the definition, none on inserted zeros.
 */
export function conv2dBackpropInputWasm(args: KernelArgs): Info {
  const wasm = args.backend as BackendWasm;
  const { dy, filter } = args.inputs as { dy: Info; filter: Info };
  const a = args.attrs as unknown as {
    strides: number | [number, number];
    pad: Pad;
    dataFormat?: 'NHWC' | 'NCHW';
    dimRoundingMode?: 'floor' | 'round' | 'ceil';
    inputShape: [number, number, number, number];
  };
  if (a.dataFormat === 'NCHW') return (original!.kernelFunc as (x: KernelArgs) => Info)(args);
  const info = tf.backend_util.computeConv2DInfo(
    a.inputShape,
    filter.shape as [number, number, number, number],
    a.strides,
    1,
    a.pad,
    a.dimRoundingMode,
  );
  const { batchSize: B, inHeight: H, inWidth: W, inChannels: ci, outHeight: OH, outWidth: OW } = info;
  const { strideHeight: sh, strideWidth: sw, filterHeight: fh, filterWidth: fw, outChannels: co } = info;
  const conv2d = tf.getKernel('Conv2D', 'wasm')!.kernelFunc;
  const dx = wasm.makeOutput(a.inputShape, 'float32');
  (wasm.typedArrayFromHeap(dx) as Float32Array).fill(0);
  for (let r = 0; r < sh; r++) {
    const ph = phase(r, sh, info.padInfo.top, fh, H);
    for (let q = 0; q < sw; q++) {
      const pw = phase(q, sw, info.padInfo.left, fw, W);
      if (!ph.taps || !pw.taps || !ph.rows || !pw.rows) continue;
      const x = wasm.makeOutput([B, ph.padded, pw.padded, co], 'float32');
      const w = wasm.makeOutput([ph.taps, pw.taps, co, ci], 'float32');
      // Views after the allocations: making an output may grow (and so move) the heap.
      padPhase(
        wasm.typedArrayFromHeap(dy) as Float32Array,
        [B, OH, OW, co],
        ph,
        pw,
        wasm.typedArrayFromHeap(x) as Float32Array,
      );
      phaseFilter(
        wasm.typedArrayFromHeap(filter) as Float32Array,
        [fh, fw, ci, co],
        [sh, sw],
        ph,
        pw,
        wasm.typedArrayFromHeap(w) as Float32Array,
      );
      const out = conv2d({
        inputs: { x, filter: w },
        attrs: { strides: [1, 1], pad: 'valid', dataFormat: 'NHWC', dilations: [1, 1] },
        backend: wasm,
      } as unknown as Parameters<tf.KernelFunc>[0]) as Info;
      interleave(
        wasm.typedArrayFromHeap(out) as Float32Array,
        [B, ph.rows, pw.rows, ci],
        [H, W],
        [r, q],
        [sh, sw],
        wasm.typedArrayFromHeap(dx) as Float32Array,
      );
      for (const t of [x, w, out]) wasm.disposeData(t.dataId);
    }
  }
  return dx;
}

/** dy rows/columns `first`… of each image, zero outside dy: the phase convolution's input [B, padded, padded, co]. */
function padPhase(
  dy: Float32Array,
  [B, OH, OW, co]: number[],
  ph: Phase,
  pw: Phase,
  out: Float32Array,
): void {
  let o = 0;
  for (let b = 0; b < B; b++) {
    for (let p = 0; p < ph.padded; p++) {
      const oh = ph.first + p;
      for (let t = 0; t < pw.padded; t++, o += co) {
        const ow = pw.first + t;
        if (oh < 0 || oh >= OH || ow < 0 || ow >= OW) out.fill(0, o, o + co);
        else {
          const from = ((b * OH + oh) * OW + ow) * co;
          out.set(dy.subarray(from, from + co), o);
        }
      }
    }
  }
}

/** The phase's taps of w [fh, fw, ci, co], flipped and transposed: out[a, e, c, k] = w[sh·(Jh−1−a)+ρh, …, k, c]. */
function phaseFilter(
  w: Float32Array,
  [, fw, ci, co]: number[],
  [sh, sw]: number[],
  ph: Phase,
  pw: Phase,
  out: Float32Array,
): void {
  let o = 0;
  for (let a = 0; a < ph.taps; a++) {
    const kh = sh * (ph.taps - 1 - a) + ph.rho;
    for (let e = 0; e < pw.taps; e++) {
      const kw = sw * (pw.taps - 1 - e) + pw.rho;
      const base = (kh * fw + kw) * ci * co;
      for (let c = 0; c < co; c++) for (let k = 0; k < ci; k++) out[o++] = w[base + k * co + c];
    }
  }
}

/** Puts a phase's result [B, U, V, ci] at dx[b, sh·u + r, sw·v + q, :]. */
function interleave(
  src: Float32Array,
  [B, U, V, ci]: number[],
  [H, W]: number[],
  [r, q]: number[],
  [sh, sw]: number[],
  dx: Float32Array,
): void {
  let i = 0;
  for (let b = 0; b < B; b++) {
    for (let u = 0; u < U; u++) {
      const row = (b * H + sh * u + r) * W;
      for (let v = 0; v < V; v++, i += ci) dx.set(src.subarray(i, i + ci), (row + sw * v + q) * ci);
    }
  }
}

/** Puts this kernel in place of tfjs-backend-wasm's Conv2DBackpropInput (once; NCHW still goes to tfjs'). */
export function registerConv2dBackpropInputWasm(): void {
  original = wrapWasmKernel('Conv2DBackpropInput', conv2dBackpropInputWasm) ?? original;
}
