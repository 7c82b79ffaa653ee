import type * as tf from '@tensorflow/tfjs';
import { grid1d, runProgram, type Uniform } from './gpu-program';

type KernelArgs = { inputs: tf.NamedTensorInfoMap; attrs?: tf.NamedAttrMap; backend: unknown };

/** An element-wise kernel with several inputs and outputs of one shape, in one dispatch. */
export interface ElementwiseSpec {
  kernelName: string;
  /** Input names in binding order (in0, in1, …). */
  inputs: string[];
  outputs: number;
  /** f32 attributes passed as uniforms, by name. */
  scalars: string[];
  /** WGSL statements with `i` the element index, reading in0[i]… and u.<scalar>, writing out0[i]…. */
  statements: string;
}

/**
 * One dispatch over `size` elements, 256 threads a group: `statements` run with `i` the element index, reading
 * in0[i]… and u.<uniform>, writing out0[i]…. `uniforms` come after `size` and `rowGroups`.
 */
export function elementwiseProgram(
  name: string,
  inputs: number,
  outputs: number,
  size: number,
  uniforms: Uniform[],
  statements: string,
) {
  const workgroups = grid1d(size, 256);
  return {
    key: `studio-${name}`,
    name,
    outputs,
    inputs,
    uniforms: [
      { name: 'size', type: 'u32' as const, value: size },
      { name: 'rowGroups', type: 'u32' as const, value: workgroups[0] },
      ...uniforms,
    ],
    body: `
@compute @workgroup_size(256, 1, 1)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let i = gid.y * u.rowGroups * 256u + gid.x;
  if (i >= u.size) { return; }
${statements}
}`,
    workgroups,
  };
}

/** A kernel config for `spec` on the webgpu backend. */
export function elementwiseKernel(spec: ElementwiseSpec): tf.KernelConfig {
  const kernelFunc = ({ inputs, attrs, backend }: KernelArgs) => {
    const ins = spec.inputs.map((n) => inputs[n] as tf.TensorInfo);
    const shape = ins[0].shape;
    const size = shape.reduce((a, b) => a * b, 1);
    const scalars = spec.scalars.map((name) => ({
      name,
      type: 'f32' as const,
      value: (attrs as Record<string, number>)[name],
    }));
    const program = elementwiseProgram(
      spec.kernelName,
      ins.length,
      spec.outputs,
      size,
      scalars,
      spec.statements,
    );
    return runProgram(
      backend,
      program,
      ins,
      Array.from({ length: spec.outputs }, () => shape),
    );
  };
  return {
    kernelName: spec.kernelName,
    backendName: 'webgpu',
    kernelFunc: kernelFunc as unknown as tf.KernelFunc,
  };
}
