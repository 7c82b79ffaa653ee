import * as tf from '@tensorflow/tfjs';

/** The parts of tfjs-backend-webgpu's WebGPUBackend a hand-written dispatch records into (4.22). */
export interface WebGpuBackendInternals {
  device: GPUDevice;
  commandEncoder: GPUCommandEncoder | null;
  computePassEncoder: GPUComputePassEncoder | null;
  commandQueueOwnedIds: WeakSet<object>;
  dispatchCountInPass: number;
  activeTimers: { name: string; query: Promise<number> }[] | null;
  supportTimestampQuery: boolean;
  querySet: GPUQuerySet | null;
  querySetCount: number;
  makeTensorInfo(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  uploadToGPU(dataId: object): void;
  tensorToBinding(t: tf.TensorInfo): GPUBindingResource;
  makeUniforms(u: { type: 'float32' | 'int32' | 'uint32'; data: number[] }[]): GPUBindingResource;
  ensureCommandEncoderReady(): void;
  endComputePassEncoder(): void;
  submitQueue(): void;
  getQueryTime(): Promise<number>;
}

/** One scalar uniform: its WGSL name, type and value. */
export interface Uniform {
  name: string;
  type: 'f32' | 'i32' | 'u32';
  value: number;
}

/** A compute shader of ours: outputs bound first (read_write), then inputs (read), then the uniforms. */
export interface GpuProgram {
  /** Cache key of the compiled pipeline: everything the WGSL text depends on. */
  key: string;
  /** Name in profiles (GPU time per kernel type). */
  name: string;
  outputs: number;
  inputs: number;
  /**
   * WGSL element type of each input (default f32; i32 for int32 tensors such as class labels; atomic: a float32
   * tensor this program accumulates into, bound read_write as atomic<i32> bits).
   */
  inputTypes?: ('f32' | 'i32' | 'atomic')[];
  uniforms: Uniform[];
  /** The body after the generated bindings: must declare `@compute @workgroup_size(...) fn main(...)`. */
  body: string;
  workgroups: [number, number, number];
}

const pipelines = new WeakMap<GPUDevice, Map<string, GPUComputePipeline>>();

/** Dispatches issued by our own programs since load (the bench and tests count them per step). */
export const ownDispatches = { count: 0 };

function header(p: GpuProgram): string {
  const lines: string[] = [];
  let b = 0;
  for (let i = 0; i < p.outputs; i++)
    lines.push(`@group(0) @binding(${b++}) var<storage, read_write> out${i}: array<f32>;`);
  for (let i = 0; i < p.inputs; i++) {
    const type = p.inputTypes?.[i] ?? 'f32';
    lines.push(
      type === 'atomic'
        ? `@group(0) @binding(${b++}) var<storage, read_write> in${i}: array<atomic<i32>>;`
        : `@group(0) @binding(${b++}) var<storage, read> in${i}: array<${type}>;`,
    );
  }
  if (p.uniforms.length) {
    lines.push(`struct Uniforms { ${p.uniforms.map((u) => `${u.name}: ${u.type},`).join(' ')} };`);
    lines.push(`@group(0) @binding(${b}) var<uniform> u: Uniforms;`);
  }
  return `${lines.join('\n')}\n`;
}

function pipelineOf(device: GPUDevice, p: GpuProgram): GPUComputePipeline {
  let cache = pipelines.get(device);
  if (!cache) {
    cache = new Map();
    pipelines.set(device, cache);
  }
  let pipeline = cache.get(p.key);
  if (!pipeline) {
    const module = device.createShaderModule({ code: header(p) + p.body });
    pipeline = device.createComputePipeline({ layout: 'auto', compute: { module, entryPoint: 'main' } });
    cache.set(p.key, pipeline);
  }
  return pipeline;
}

/**
 * Records one dispatch of `program` into the backend's current compute pass, exactly as the backend records
 * its own programs (same deferred-submit batching, same timestamp queries under tf.profile / tf.time), and
 * returns the freshly allocated outputs (float32, of the given shapes).
 */
export function runProgram(
  backend: unknown,
  program: GpuProgram,
  inputs: tf.TensorInfo[],
  outputShapes: number[][],
): tf.TensorInfo[] {
  const be = backend as WebGpuBackendInternals;
  const outputs = outputShapes.map((s) => be.makeTensorInfo(s, 'float32'));
  if (outputShapes.some((s) => tf.util.sizeFromShape(s) === 0)) return outputs;
  for (const t of [...outputs, ...inputs]) be.uploadToGPU(t.dataId);
  const pipeline = pipelineOf(be.device, program);
  const entries: GPUBindGroupEntry[] = [...outputs, ...inputs].map((t, i) => ({
    binding: i,
    resource: be.tensorToBinding(t),
  }));
  if (program.uniforms.length) {
    const types = { f32: 'float32', i32: 'int32', u32: 'uint32' } as const;
    entries.push({
      binding: entries.length,
      resource: be.makeUniforms(program.uniforms.map((u) => ({ type: types[u.type], data: [u.value] }))),
    });
  }
  for (const t of [...inputs, ...outputs]) be.commandQueueOwnedIds.add(t.dataId);
  const bindGroup = be.device.createBindGroup({ layout: pipeline.getBindGroupLayout(0), entries });
  const timed = be.activeTimers != null;
  be.ensureCommandEncoderReady();
  if (timed && be.supportTimestampQuery) {
    be.endComputePassEncoder();
    be.querySet ??= be.device.createQuerySet({ type: 'timestamp', count: be.querySetCount });
    be.computePassEncoder = be.commandEncoder!.beginComputePass({
      timestampWrites: { querySet: be.querySet, beginningOfPassWriteIndex: 0, endOfPassWriteIndex: 1 },
    });
  } else if (!be.computePassEncoder) {
    be.computePassEncoder = be.commandEncoder!.beginComputePass({});
  }
  const pass = be.computePassEncoder!;
  pass.setPipeline(pipeline);
  pass.setBindGroup(0, bindGroup);
  pass.dispatchWorkgroups(...program.workgroups);
  be.dispatchCountInPass++;
  ownDispatches.count++;
  const batch = tf.env().get('WEBGPU_DEFERRED_SUBMIT_BATCH_SIZE') as number;
  if (timed || batch <= be.dispatchCountInPass) {
    be.endComputePassEncoder();
    if (timed) be.activeTimers!.push({ name: program.name, query: be.getQueryTime() });
    else be.submitQueue();
  }
  return outputs;
}

/** Workgroup counts for `n` invocations at `size` per group, folded into 2-D beyond the per-dimension limit. */
export function grid1d(n: number, size: number): [number, number, number] {
  const groups = Math.max(1, Math.ceil(n / size));
  if (groups <= 65535) return [groups, 1, 1];
  const y = Math.ceil(groups / 65535);
  return [Math.ceil(groups / y), y, 1];
}
