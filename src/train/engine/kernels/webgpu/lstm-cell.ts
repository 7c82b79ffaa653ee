import * as tf from '@tensorflow/tfjs';
import { grid1d, runProgram } from './gpu-program';
import { oneInput, patchLayerCall, unpatchLayerCall } from '../layer-patch';

type KernelArgs = { inputs: tf.NamedTensorInfoMap; attrs?: tf.NamedAttrMap; backend: unknown };

/** Gate activations the fused cell knows (tfjs' LSTM default is hardSigmoid; Keras' is sigmoid). */
const GATES = { hardSigmoid: 'clamp(0.2 * x + 0.5, 0.0, 1.0)', sigmoid: '1.0 / (1.0 + exp(-1.0 * x))' };
type Gate = keyof typeof GATES;

// The gate's derivative from its input x and output y, as tfjs' gradients compute it (clipByValue passes the
// gradient where 0 ≤ 0.2x + 0.5 ≤ 1, both ends included; sigmoid's is y(1 − y)).
const GATE_GRADS: Record<Gate, string> = {
  hardSigmoid: 'select(0.0, 0.2, 0.2 * x + 0.5 >= 0.0 && 0.2 * x + 0.5 <= 1.0)',
  sigmoid: 'y * (1.0 - y)',
};

/** WGSL helpers: the gate activation, its derivative, tanh as tfjs-backend-webgpu computes it. */
function helpers(gate: Gate): string {
  return `
fn ra(x: f32) -> f32 { return ${GATES[gate]}; }
fn raGrad(x: f32, y: f32) -> f32 { return ${GATE_GRADS[gate]}; }
fn th(a: f32) -> f32 { let e2x = exp(-2.0 * abs(a)); return sign(a) * (1.0 - e2x) / (1.0 + e2x); }
`;
}

// Thread i = (b, u): reads the four gate inputs zx + zh of row b (input, forget, cell, output blocks of
// `units` each), the previous carry c, and recomputes what it needs (no saved gate values).
const GATE_VALUES = `
  let U = u.units;
  let b = i / U;
  let k = i - b * U;
  let base = b * 4u * U + k;
  let zi = in0[base] + in1[base];
  let zf = in0[base + U] + in1[base + U];
  let zg = in0[base + 2u * U] + in1[base + 2u * U];
  let zo = in0[base + 3u * U] + in1[base + 3u * U];
  let cp = in2[i];
  let ig = ra(zi);
  let fg = ra(zf);
  let g = th(zg);
  let og = ra(zo);
  let c = fg * cp + ig * g;`;

function body(gate: Gate, statements: string): string {
  return `${helpers(gate)}
@compute @workgroup_size(256, 1, 1)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let i = gid.y * u.rowGroups * 256u + gid.x;
  if (i >= u.size) { return; }
${GATE_VALUES}
${statements}
}`;
}

function run(
  name: string,
  gate: Gate,
  statements: string,
  ins: tf.TensorInfo[],
  shapes: number[][],
  backend: unknown,
) {
  const [B, U] = ins[2].shape;
  const workgroups = grid1d(B * U, 256);
  const program = {
    key: `studio-${name}-${gate}`,
    name,
    outputs: shapes.length,
    inputs: ins.length,
    uniforms: [
      { name: 'size', type: 'u32' as const, value: B * U },
      { name: 'units', type: 'u32' as const, value: U },
      { name: 'rowGroups', type: 'u32' as const, value: workgroups[0] },
    ],
    body: body(gate, statements),
    workgroups,
  };
  return runProgram(backend, program, ins, shapes);
}

/**
 * One LSTM step's gates in one dispatch: zx = x·W + b and zh = h·R ([batch, 4·units]), the previous carry c
 * ([batch, units]) → the new output h and carry c (tfjs: split, 3 gate activations of 3 kernels each, 2 tanh,
 * 3 multiplies, 1 add).
 */
export const lstmGatesConfig: tf.KernelConfig = {
  kernelName: 'StudioLstmGates',
  backendName: 'webgpu',
  kernelFunc: (({ inputs, attrs, backend }: KernelArgs) => {
    const { zx, zh, c } = inputs as Record<string, tf.TensorInfo>;
    const gate = (attrs as { gate: Gate }).gate;
    return run(
      'StudioLstmGates',
      gate,
      'out0[i] = og * th(c);\n  out1[i] = c;',
      [zx, zh, c],
      [c.shape, c.shape],
      backend,
    );
  }) as unknown as tf.KernelFunc,
};

/** The gates' gradient in one dispatch: dh, dc (of the new h and c) → dz ([batch, 4·units]) and d(previous c). */
export const lstmGatesGradConfig: tf.KernelConfig = {
  kernelName: 'StudioLstmGatesGrad',
  backendName: 'webgpu',
  kernelFunc: (({ inputs, attrs, backend }: KernelArgs) => {
    const { zx, zh, c, dh, dc } = inputs as Record<string, tf.TensorInfo>;
    const gate = (attrs as { gate: Gate }).gate;
    const statements = `
  let tc = th(c);
  let dhv = in3[i];
  let dct = dhv * og * (1.0 - tc * tc) + in4[i];
  out1[i] = dct * fg;
  out0[base] = dct * g * raGrad(zi, ig);
  out0[base + U] = dct * cp * raGrad(zf, fg);
  out0[base + 2u * U] = dct * ig * (1.0 - g * g);
  out0[base + 3u * U] = dhv * tc * raGrad(zo, og);`;
    return run('StudioLstmGatesGrad', gate, statements, [zx, zh, c, dh, dc], [zx.shape, c.shape], backend);
  }) as unknown as tf.KernelFunc,
};

const gatesGradient: tf.GradConfig = {
  kernelName: 'StudioLstmGates',
  inputsToSave: ['zx', 'zh', 'c'],
  // Run once, outside the per-input tidies the tape calls each gradient in (one would dispose the other's
  // output); zx and zh receive the same gradient, as from their sum.
  gradFunc: (dys, saved, attrs) => {
    const [dh, dc] = dys as tf.Tensor[];
    const [zx, zh, c] = saved;
    const [dz, dcPrev] = tf
      .engine()
      .runKernel('StudioLstmGatesGrad', { zx, zh, c, dh, dc }, attrs) as tf.Tensor[];
    return { zx: () => dz, zh: () => dz, c: () => dcPrev };
  },
};

interface Cell {
  units: number;
  dropout: number;
  recurrentDropout: number;
  useBias: boolean;
  activation: { getClassName(): string };
  recurrentActivation: { getClassName(): string };
  kernel: { read(): tf.Tensor };
  recurrentKernel: { read(): tf.Tensor };
  bias: { read(): tf.Tensor } | null;
}

/** The fused step applies: webgpu with the kernels registered, tanh cell, a known gate, no dropout. */
function fusable(cell: Cell): Gate | null {
  if (tf.getBackend() !== 'webgpu' || !tf.getKernel('StudioLstmGates', 'webgpu')) return null;
  if (cell.dropout > 0 || cell.recurrentDropout > 0 || cell.activation.getClassName() !== 'tanh') return null;
  const gate = cell.recurrentActivation.getClassName();
  return gate in GATES ? (gate as Gate) : null;
}

/** Cells whose LSTM layer projected the whole sequence already (x·W + b for every time step at once). */
const projected = new WeakSet<Cell>();

/**
 * Makes tfjs-layers' LSTM layers (also inside Bidirectional) run on webgpu as one product x·W + b for the
 * whole sequence, then per time step one product h·R and one fused gate kernel (its gradient one more), instead
 * of ~40 small kernels forward and ~100 backward per time step. Anywhere else (other backends, dropout, other
 * activations) the layer runs tfjs' own code.
 */
export function registerLstmCell(): void {
  tf.registerGradient(gatesGradient);
  patchLayerCall<{ cell: Cell; stateful: boolean }>('LSTM', (layer, inputs, kwargs, own) => {
    const x = oneInput(inputs);
    if (!x || !fusable(layer.cell) || x.rank !== 3 || layer.stateful) return null;
    const { cell } = layer;
    return tf.tidy(() => {
      const [B, T, D] = x.shape;
      const bias = cell.useBias && cell.bias ? cell.bias.read() : undefined;
      const flat = tf.fused.matMul({ a: tf.reshape(x, [B * T, D]), b: cell.kernel.read(), bias });
      projected.add(cell);
      try {
        return own(tf.reshape(flat, [B, T, 4 * cell.units]), kwargs);
      } finally {
        projected.delete(cell);
      }
    });
  });
  patchLayerCall<Cell>('LSTMCell', (cell, inputs) => {
    const list = inputs as tf.Tensor[];
    const gate = fusable(cell);
    if (!gate || !Array.isArray(inputs) || list.length !== 3 || list[0].rank !== 2) return null;
    return tf.tidy(() => {
      const [x, h, c] = list;
      const bias = cell.useBias && cell.bias ? cell.bias.read() : undefined;
      const zx = projected.has(cell) ? x : tf.fused.matMul({ a: x, b: cell.kernel.read(), bias });
      const zh = tf.matMul(h, cell.recurrentKernel.read());
      const [hNew, cNew] = tf.engine().runKernel('StudioLstmGates', { zx, zh, c }, { gate }) as tf.Tensor[];
      return [hNew, hNew, cNew];
    });
  });
}

/** Puts tfjs-layers' own LSTM cell step back. */
export function unregisterLstmCell(): void {
  unpatchLayerCall('LSTM');
  unpatchLayerCall('LSTMCell');
}
