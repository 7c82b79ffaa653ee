import type * as tf from '@tensorflow/tfjs';
import { type EnvSpec, playEpisodes } from '../../../envs';
import type { EpochArtifact, EvalResult, NamedOptimizer, ObjectiveContext } from '../objectives/types';
import { makeOptimizer } from '../optimizers';
import { EpisodeLog, forward, greedyActions } from './agent';
import { agentSpec, checkAgentModel, type ResolvedAgentOptions, resolveAgentOptions } from './options';

/** Greedy episodes played after every epoch (the "how good is it now" figure). */
const EVAL_EPISODES = 5;

/**
 * What every game-playing objective shares: the agent options and game, the model check, one optimiser, the
 * episode log, the per-epoch step count and rng, and the greedy evaluation after each epoch. Subclasses add
 * their own `step()` (DQN, REINFORCE).
 */
export abstract class AgentObjective {
  readonly source = 'self' as const;
  readonly hasTotal = true;
  readonly optimizers: readonly NamedOptimizer[];
  readonly options: ResolvedAgentOptions;
  readonly spec: EnvSpec;
  readonly log = new EpisodeLog();
  protected readonly model: tf.LayersModel;
  /** The trainer's per-epoch rng (exploration, sampling, replay). */
  protected rng: () => number = Math.random;
  private readonly evalSeed: number;

  /** Throws ObjectiveError (a sentence) when the model does not fit the chosen game. */
  constructor({ model, config }: ObjectiveContext, optimizerName: string) {
    this.options = resolveAgentOptions(config);
    this.spec = agentSpec(this.options);
    checkAgentModel(model, this.spec);
    this.model = model;
    this.optimizers = [
      { name: optimizerName, optimizer: makeOptimizer(config), baseLearningRate: config.learningRate },
    ];
    this.evalSeed = config.seed + 1_000_003;
  }

  batchesPerEpoch(): number {
    return this.options.stepsPerEpoch;
  }

  beginEpoch(_epoch: number, rng: () => number): void {
    this.rng = rng;
  }

  /** The greedy policy's mean return over a few fresh episodes, and the training average of the last 100. */
  async evaluate(): Promise<EvalResult> {
    const A = this.spec.actionCount;
    const report = await playEpisodes(this.spec.id, EVAL_EPISODES, this.evalSeed, async (obs, n) =>
      greedyActions(await forward(this.model, obs, n, this.spec.observationShape), n, A),
    );
    const greedy = report.returns.reduce((a, b) => a + b, 0) / report.returns.length;
    return { valLoss: Number.NaN, series: { greedyReturn: greedy, averageReturn: this.log.average() } };
  }

  /** The episodes finished during the epoch (each one's return and length) for the charts. */
  async epochArtifact(epoch: number): Promise<EpochArtifact> {
    return { kind: 'episodes', epoch, ...this.log.takeNew(), averageReturn: this.log.average() };
  }

  dispose(): void {
    for (const o of this.optimizers) o.optimizer.dispose();
  }
}
