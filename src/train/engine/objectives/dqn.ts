import * as tf from '@tensorflow/tfjs';
import { VecEnv } from '../../../envs';
import { forward, greedyActions, scalar } from '../rl/agent';
import { AgentObjective } from '../rl/agent-objective';
import { epsilonAt, tdTargets } from '../rl/math';
import { ReplayBuffer } from '../rl/replay';
import type { NamedTensor, Objective, ObjectiveContext, StepResult } from './types';

/**
 * DQN (Mnih et al. 2015) for a Q network (one linear output per action): each step moves every game copy once
 * with an ε-greedy action, stores the transitions in a replay buffer, and (once `learningStarts` transitions are
 * stored) takes one gradient step of the Huber loss between Q(s, a) and the TD target r + γ max Q_target(s', ·).
 * The target network is a copy of the online one, refreshed every `targetUpdate` gradient steps.
 */
export class DqnObjective extends AgentObjective implements Objective {
  readonly name = 'dqn' as const;
  readonly lossLabel = 'huber (TD error)';
  readonly scalars = ['loss', 'episodeReturn', 'averageReturn', 'episodeLength', 'epsilon'] as const;
  readonly buffer: ReplayBuffer;
  /** Env steps taken (every copy counts), which drives ε. */
  envSteps = 0;
  gradientSteps = 0;
  private readonly target: tf.LayersModel;
  private readonly vec: VecEnv;
  private readonly batchSize: number;

  constructor(context: ObjectiveContext) {
    super(context, 'q');
    const { model, config } = context;
    // Same architecture, its own variables: rebuilt from the model's config, then given the model's weights.
    this.target = tf.LayersModel.fromConfig(tf.LayersModel, model.getConfig()) as tf.LayersModel;
    this.syncTarget();
    this.vec = new VecEnv(this.spec.id, this.options.copies, config.seed);
    this.buffer = new ReplayBuffer(this.options.bufferSize, this.vec.obsSize);
    this.batchSize = config.batchSize;
  }

  get epsilon(): number {
    const o = this.options;
    return epsilonAt(this.envSteps, o.epsilonStart, o.epsilonEnd, o.epsilonSteps);
  }

  private syncTarget(): void {
    tf.tidy(() => this.target.setWeights(this.model.getWeights()));
  }

  /** ε-greedy actions for every copy (the network runs only when some copy acts greedily). */
  private async act(): Promise<Int32Array> {
    const n = this.vec.count;
    const A = this.spec.actionCount;
    const eps = this.epsilon;
    const explore = Array.from({ length: n }, () => this.rng() < eps);
    const actions = new Int32Array(n);
    const greedy = explore.includes(false)
      ? greedyActions(await forward(this.model, this.vec.obs, n, this.spec.observationShape), n, A)
      : null;
    for (let i = 0; i < n; i++) actions[i] = explore[i] || !greedy ? Math.floor(this.rng() * A) : greedy[i];
    return actions;
  }

  async step(): Promise<StepResult> {
    const firstNew = this.log.count;
    const obs = this.vec.obs.slice();
    const actions = await this.act();
    const s = this.vec.step(actions);
    for (let i = 0; i < this.vec.count; i++)
      this.buffer.add(obs, i, actions[i], s.rewards[i], s.next, s.terminated[i] === 1);
    for (const e of s.finished) this.log.add(e.return, e.length);
    this.envSteps += this.vec.count;
    const loss =
      this.buffer.size >= Math.max(1, this.options.learningStarts) ? await this.learn() : tf.scalar(0);
    const recent = this.log.since(firstNew);
    const packed = tf.tidy(
      () =>
        tf.stack([
          loss,
          ...[recent.ret, this.log.average(), recent.length, this.epsilon].map(scalar),
        ]) as tf.Tensor1D,
    );
    loss.dispose();
    return { packed, samples: this.vec.count };
  }

  /** One gradient step on a sampled batch; returns the loss (kept, caller disposes). */
  private async learn(): Promise<tf.Scalar> {
    const b = this.buffer.sample(this.batchSize, this.rng);
    const n = this.batchSize;
    const shape = this.spec.observationShape;
    const nextQ = await forward(this.target, b.next, n, shape);
    const y = tdTargets(b.rewards, nextQ, b.terminated, this.options.discount, this.spec.actionCount);
    const loss = tf.tidy(() => {
      const x = tf.tensor(b.obs, [n, ...shape]);
      const mask = tf.oneHot(tf.tensor1d(b.actions, 'int32'), this.spec.actionCount);
      const target = tf.tensor1d(y);
      return this.optimizers[0].optimizer.minimize(
        () => {
          const out = this.model.apply(x, { training: true }) as tf.Tensor | tf.Tensor[];
          const q = tf.sum(tf.mul(Array.isArray(out) ? out[0] : out, mask), 1);
          return tf.losses.huberLoss(target, q) as tf.Scalar;
        },
        true,
        this.model.trainableWeights.map((w) => w.read() as tf.Variable),
      ) as tf.Scalar;
    });
    this.gradientSteps += 1;
    if (this.gradientSteps % this.options.targetUpdate === 0) this.syncTarget();
    return loss;
  }

  /** The target network's weights (a resumed run continues from the same TD targets). */
  extraState(): NamedTensor[] {
    return this.target.getWeights().map((w, i) => ({ name: `target/${i}`, tensor: w.clone() }));
  }

  restoreExtraState(state: NamedTensor[]): void {
    const weights = state.filter((s) => s.name.startsWith('target/')).map((s) => s.tensor);
    if (weights.length === this.target.getWeights().length) this.target.setWeights(weights);
  }

  override dispose(): void {
    super.dispose();
    this.target.dispose();
  }
}
