import * as tf from '@tensorflow/tfjs';

/**
 * tfjs' optimisers with a one-dispatch-per-weight update on the webgpu backend (kernels in optimizer-updates.ts)
 * and tfjs' own update everywhere else. Slot variables are created, named (`<weight>/m`, `/v`, `/rms`,
 * `/momentum`) and saved exactly as the parents do, so checkpoints are interchangeable.
 */

type NamedTensor = { name: string; tensor: tf.Tensor };
type Grads = tf.NamedTensorMap | NamedTensor[];
type Slot = { originalName: string; variable: tf.Variable };

const f32 = Math.fround;

/** True when the fused kernels apply: webgpu or wasm (kernels/wasm/optimizer-updates.ts) is active and has them. */
function fusedHere(kernel: string): boolean {
  const backend = tf.getBackend();
  return (backend === 'webgpu' || backend === 'wasm') && tf.getKernel(kernel, backend) != null;
}

function gradsOf(grads: Grads): { name: string; grad: tf.Tensor | null }[] {
  return Array.isArray(grads)
    ? grads.map((g) => ({ name: g.name, grad: g.tensor }))
    : Object.keys(grads).map((name) => ({ name, grad: grads[name] ?? null }));
}

function slot(slots: Slot[], i: number, name: string, suffix: string, value: tf.Variable): tf.Variable {
  slots[i] ??= {
    originalName: `${name}/${suffix}`,
    variable: tf.tidy(() => tf.zerosLike(value).variable(false)),
  };
  return slots[i].variable;
}

function run(kernel: string, inputs: tf.NamedTensorMap, attrs: Record<string, number>): tf.Tensor[] {
  return tf.engine().runKernel(kernel, inputs, attrs as unknown as tf.NamedAttrMap) as unknown as tf.Tensor[];
}

/** Variables by name, as the parents look them up. */
function variableNamed(name: string): tf.Variable {
  return tf.engine().registeredVariables[name];
}

/**
 * β^t bookkeeping on the CPU, multiplied step by step in float32 exactly like tfjs' accBeta variables (a
 * float32 product rounds the same on both), so the fused update needs no extra kernels and no GPU read. The
 * variables are brought up to date before tfjs' own update runs (another backend, or a kernel missing).
 */
class AccumulatedPowers {
  dirty = false;
  constructor(public values: number[]) {
    this.values = values.map(f32);
  }
  /** One step: fused (the variables fall behind) or by tfjs itself (they moved on their own). */
  advance(next: (values: number[]) => number[], fused: boolean): void {
    this.values = next(this.values).map(f32);
    if (fused) this.dirty = true;
  }
  flush(vars: tf.Variable[]): void {
    if (!this.dirty) return;
    for (const [i, v] of vars.entries()) v.assign(tf.scalar(this.values[i]));
    this.dirty = false;
  }
}

interface AdamFields {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  accBeta1: tf.Variable;
  accBeta2: tf.Variable;
  accumulatedFirstMoment: Slot[];
  accumulatedSecondMoment: Slot[];
}

export class FusedAdam extends tf.AdamOptimizer {
  private powers: AccumulatedPowers;
  constructor(learningRate: number, beta1 = 0.9, beta2 = 0.999, epsilon?: number) {
    super(learningRate, beta1, beta2, epsilon ?? null!);
    this.powers = new AccumulatedPowers([beta1, beta2]);
  }
  override applyGradients(grads: Grads): void {
    const s = this as unknown as AdamFields;
    const next = ([a1, a2]: number[]) => [a1 * s.beta1, a2 * s.beta2];
    if (!fusedHere('StudioAdamUpdate')) {
      this.powers.flush([s.accBeta1, s.accBeta2]);
      super.applyGradients(grads as never);
      this.powers.advance(next, false);
      return;
    }
    const [acc1, acc2] = this.powers.values;
    const attrs = {
      lr: s.learningRate,
      beta1: s.beta1,
      beta2: s.beta2,
      oneMinusBeta1: 1 - s.beta1,
      oneMinusBeta2: 1 - s.beta2,
      epsilon: s.epsilon,
      omab1: f32(1 - acc1),
      omab2: f32(1 - acc2),
    };
    tf.tidy(() => {
      gradsOf(grads).forEach(({ name, grad }, i) => {
        const value = variableNamed(name);
        const m = slot(s.accumulatedFirstMoment, i, name, 'm', value);
        const v = slot(s.accumulatedSecondMoment, i, name, 'v', value);
        if (!grad) return;
        const [nv, nm, nvv] = run('StudioAdamUpdate', { value, m, v, g: grad }, attrs);
        m.assign(nm);
        v.assign(nvv);
        value.assign(nv);
      });
    });
    this.powers.advance(next, true);
    (this as unknown as { incrementIterations(): void }).incrementIterations();
  }
  /** tfjs restores accBeta as β^(t+1) from the saved step count: mirror it (within an ulp of its pow). */
  override async setWeights(weightValues: NamedTensor[]): Promise<void> {
    await super.setWeights(weightValues);
    const s = this as unknown as AdamFields;
    const t = (this as unknown as { iterations: number }).iterations + 1;
    this.powers = new AccumulatedPowers([s.beta1 ** t, s.beta2 ** t]);
  }
}

interface AdamaxFields {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  decay: number;
  accBeta1: tf.Variable;
  iteration: tf.Variable;
  accumulatedFirstMoment: Slot[];
  accumulatedWeightedInfNorm: Slot[];
}

export class FusedAdamax extends tf.AdamaxOptimizer {
  /** [β1^t, t] mirrored like Adam's powers. */
  private powers: AccumulatedPowers;
  constructor(learningRate: number, beta1 = 0.9, beta2 = 0.999, epsilon?: number, decay = 0) {
    super(learningRate, beta1, beta2, epsilon ?? null!, decay);
    this.powers = new AccumulatedPowers([beta1, 0]);
  }
  override applyGradients(grads: Grads): void {
    const s = this as unknown as AdamaxFields;
    const vars = [s.accBeta1, s.iteration];
    const next = ([a1, t]: number[]) => [a1 * s.beta1, t + 1];
    if (!fusedHere('StudioAdamaxUpdate')) {
      this.powers.flush(vars);
      super.applyGradients(grads as never);
      this.powers.advance(next, false);
      return;
    }
    const [acc1, iteration] = this.powers.values;
    const lr = f32(-s.learningRate / f32(f32(iteration * s.decay) + 1));
    const attrs = {
      beta1: s.beta1,
      beta2: s.beta2,
      oneMinusBeta1: 1 - s.beta1,
      epsilon: s.epsilon,
      step: f32(lr / f32(1 - acc1)),
    };
    tf.tidy(() => {
      gradsOf(grads).forEach(({ name, grad }, i) => {
        const value = variableNamed(name);
        const m = slot(s.accumulatedFirstMoment, i, name, 'm', value);
        const u = slot(s.accumulatedWeightedInfNorm, i, name, 'v', value);
        if (!grad) return;
        const [nv, nm, nu] = run('StudioAdamaxUpdate', { value, m, u, g: grad }, attrs);
        m.assign(nm);
        u.assign(nu);
        value.assign(nv);
      });
    });
    this.powers.advance(next, true);
    (this as unknown as { incrementIterations(): void }).incrementIterations();
  }
}

interface RmspropFields {
  learningRate: number;
  decay: number;
  momentum: number;
  epsilon: number;
  centered: boolean;
  accumulatedMeanSquares: Slot[];
  accumulatedMoments: Slot[];
}

export class FusedRmsprop extends tf.RMSPropOptimizer {
  override applyGradients(grads: Grads): void {
    const s = this as unknown as RmspropFields;
    if (s.centered || !fusedHere('StudioRmspropUpdate')) {
      super.applyGradients(grads as never);
      return;
    }
    const attrs = {
      lr: s.learningRate,
      decay: s.decay,
      oneMinusDecay: 1 - s.decay,
      momentum: s.momentum,
      epsilon: s.epsilon,
    };
    tf.tidy(() => {
      gradsOf(grads).forEach(({ name, grad }, i) => {
        const value = variableNamed(name);
        const ms = slot(s.accumulatedMeanSquares, i, name, 'rms', value);
        const mom = slot(s.accumulatedMoments, i, name, 'momentum', value);
        if (!grad) return;
        const [nv, nms, nmom] = run('StudioRmspropUpdate', { value, ms, mom, g: grad }, attrs);
        ms.assign(nms);
        mom.assign(nmom);
        value.assign(nv);
      });
    });
    (this as unknown as { incrementIterations(): void }).incrementIterations();
  }
}

interface MomentumFields {
  learningRate: number;
  momentum: number;
  useNesterov: boolean;
  accumulations: Slot[];
}

export class FusedMomentum extends tf.MomentumOptimizer {
  override applyGradients(grads: Grads): void {
    const s = this as unknown as MomentumFields;
    if (!fusedHere('StudioMomentumUpdate')) {
      super.applyGradients(grads as never);
      return;
    }
    const attrs = { c: -s.learningRate, momentum: s.momentum, nesterov: s.useNesterov ? 1 : 0 };
    tf.tidy(() => {
      gradsOf(grads).forEach(({ name, grad }, i) => {
        const value = variableNamed(name);
        const acc = slot(s.accumulations, i, name, 'momentum', value);
        if (!grad) return;
        const [nv, nacc] = run('StudioMomentumUpdate', { value, acc, g: grad }, attrs);
        acc.assign(nacc);
        value.assign(nv);
      });
    });
    (this as unknown as { incrementIterations(): void }).incrementIterations();
  }
}

export class FusedSgd extends tf.SGDOptimizer {
  override applyGradients(grads: Grads): void {
    if (!fusedHere('StudioSgdUpdate')) {
      super.applyGradients(grads as never);
      return;
    }
    const c = -(this as unknown as { learningRate: number }).learningRate;
    tf.tidy(() => {
      for (const { name, grad } of gradsOf(grads)) {
        if (!grad) continue;
        const value = variableNamed(name);
        const [nv] = run('StudioSgdUpdate', { value, g: grad }, { c });
        value.assign(nv);
      }
    });
    (this as unknown as { incrementIterations(): void }).incrementIterations();
  }
}
