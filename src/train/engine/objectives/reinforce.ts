import * as tf from '@tensorflow/tfjs';
import { type Env, makeEnv, sizeOf } from '../../../envs';
import { copySeed } from '../../../envs/vec';
import { forward, outputsProbabilities, scalar } from '../rl/agent';
import { AgentObjective } from '../rl/agent-objective';
import { advantagesWithBaseline, discountedReturns, sampleCategorical, standardize } from '../rl/math';
import type { Objective, ObjectiveContext, StepResult } from './types';

/** One played episode: what the policy saw, chose and got. */
interface Trajectory {
  obs: number[];
  actions: number[];
  rewards: number[];
}

/**
 * REINFORCE with a baseline (Williams 1992) for a softmax policy: each step plays one whole episode in each of
 * `copies` games side by side, sampling actions from the policy, then takes one gradient step on
 * −mean(A_t · log π(a_t | s_t)) − β · entropy, where A_t is the discounted return-to-go minus the batch's mean
 * return at the same step (the baseline), standardised.
 */
export class ReinforceObjective extends AgentObjective implements Objective {
  readonly name = 'reinforce' as const;
  readonly lossLabel = 'policy gradient';
  readonly scalars = ['loss', 'episodeReturn', 'averageReturn', 'episodeLength', 'entropy'] as const;
  private readonly envs: Env[];
  private readonly probabilities: boolean;

  constructor(context: ObjectiveContext) {
    super(context, 'policy');
    const { model, config } = context;
    this.probabilities = outputsProbabilities(model);
    this.envs = Array.from({ length: this.options.copies }, (_, i) =>
      makeEnv(this.spec.id, copySeed(config.seed, i)),
    );
  }

  /** Action probabilities of a batch of observations. */
  private async policy(obs: Float32Array, n: number): Promise<Float32Array> {
    const out = await forward(this.model, obs, n, this.spec.observationShape);
    if (this.probabilities) return out;
    const A = this.spec.actionCount;
    for (let i = 0; i < n; i++) {
      let max = -Infinity;
      for (let a = 0; a < A; a++) max = Math.max(max, out[i * A + a]);
      let sum = 0;
      for (let a = 0; a < A; a++) sum += out[i * A + a] = Math.exp(out[i * A + a] - max);
      for (let a = 0; a < A; a++) out[i * A + a] /= sum;
    }
    return out;
  }

  /** Plays one episode in every copy, sampling from the policy. */
  private async rollout(): Promise<Trajectory[]> {
    const d = sizeOf(this.spec.observationShape);
    const A = this.spec.actionCount;
    const trajectories: Trajectory[] = this.envs.map(() => ({ obs: [], actions: [], rewards: [] }));
    for (const env of this.envs) env.reset();
    let active = this.envs.map((_, i) => i);
    const row = new Float32Array(d);
    while (active.length) {
      const obs = new Float32Array(active.length * d);
      active.forEach((i, k) => {
        this.envs[i].observe(obs, k * d);
      });
      const probs = await this.policy(obs, active.length);
      const still: number[] = [];
      active.forEach((i, k) => {
        const action = sampleCategorical(probs, k * A, A, this.rng());
        const t = trajectories[i];
        row.set(obs.subarray(k * d, (k + 1) * d));
        for (let j = 0; j < d; j++) t.obs.push(row[j]);
        t.actions.push(action);
        const r = this.envs[i].step(action);
        t.rewards.push(r.reward);
        if (r.terminated || r.truncated)
          this.log.add(
            t.rewards.reduce((a, b) => a + b, 0),
            t.rewards.length,
          );
        else still.push(i);
      });
      active = still;
    }
    return trajectories;
  }

  async step(): Promise<StepResult> {
    const firstNew = this.log.count;
    const trajectories = await this.rollout();
    const returns = trajectories.map((t) => discountedReturns(t.rewards, this.options.discount));
    const advantages = standardize(concat(advantagesWithBaseline(returns)));
    const n = advantages.length;
    const obs = Float32Array.from(trajectories.flatMap((t) => t.obs));
    const actions = Int32Array.from(trajectories.flatMap((t) => t.actions));
    const recent = this.log.since(firstNew);
    const packed = tf.tidy(() => {
      const x = tf.tensor(obs, [n, ...this.spec.observationShape]);
      const oneHot = tf.oneHot(tf.tensor1d(actions, 'int32'), this.spec.actionCount);
      const adv = tf.tensor1d(advantages);
      let entropy: tf.Scalar | null = null;
      const loss = this.optimizers[0].optimizer.minimize(
        () => {
          const out = this.model.apply(x, { training: true }) as tf.Tensor | tf.Tensor[];
          const y = (Array.isArray(out) ? out[0] : out) as tf.Tensor2D;
          const logp = this.probabilities ? tf.log(tf.clipByValue(y, 1e-7, 1)) : tf.logSoftmax(y);
          const chosen = tf.sum(tf.mul(oneHot, logp), 1);
          const ent = tf.mean(tf.neg(tf.sum(tf.mul(tf.exp(logp), logp), 1))) as tf.Scalar;
          entropy = tf.keep(ent);
          const pg = tf.neg(tf.mean(tf.mul(chosen, adv)));
          return tf.sub(pg, tf.mul(this.options.entropy, ent)) as tf.Scalar;
        },
        true,
        this.model.trainableWeights.map((w) => w.read() as tf.Variable),
      ) as tf.Scalar;
      const numbers = [recent.ret, this.log.average(), recent.length].map(scalar);
      return tf.stack([loss, ...numbers, entropy!]) as tf.Tensor1D;
    });
    return { packed, samples: n };
  }
}

function concat(parts: readonly Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((a, p) => a + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
