/**
 * The contract every game environment keeps: what the agent observes, which actions it has, what it is rewarded
 * for and when an episode ends. Pure and seeded: the same seed and actions always give the same episode.
 */

export type EnvId = 'cartpole' | 'maze' | 'catch';

/** What a person (and the dataset–model check) needs to know about a game. */
export interface EnvSpec {
  id: EnvId;
  title: string;
  /** One observation's shape, without the batch axis (Keras notation without `None`). */
  observationShape: number[];
  actionCount: number;
  /** One short name per action, in action order. */
  actionNames: string[];
  /** Steps after which an episode is cut off (truncated, not failed). */
  maxSteps: number;
  /** The average return over 100 episodes at which the game counts as solved, where it has one. */
  solvedThreshold?: number;
  /** What the observation holds, in words. */
  observationText: string;
}

/** The result of one step. */
export interface StepResult {
  reward: number;
  /** The episode ended by the game's own rules (pole fell, goal reached, ball landed). */
  terminated: boolean;
  /** The episode was cut off by the step limit. */
  truncated: boolean;
}

/** What a small canvas renderer needs to draw the current state. */
export type RenderFrame =
  | {
      type: 'cartpole';
      /** Cart position (m) and pole angle (rad, 0 = upright). */
      x: number;
      theta: number;
      /** The track runs from -xThreshold to +xThreshold. */
      xThreshold: number;
      /** Full pole length (m). */
      poleLength: number;
    }
  | {
      type: 'grid';
      rows: number;
      cols: number;
      /** Row-major cell codes, see `CELL`. */
      cells: Uint8Array;
    };

/** Cell codes of a grid frame. */
export const CELL = { empty: 0, wall: 1, goal: 2, agent: 3, ball: 4, paddle: 5 } as const;

/** One running game. */
export interface Env {
  readonly spec: EnvSpec;
  /** Starts a new episode (re-seeding the game's own randomness when `seed` is given). */
  reset(seed?: number): void;
  /** Applies `action` (0 ≤ action < actionCount). */
  step(action: number): StepResult;
  /** Writes the current observation into `out` at `offset` (length = product of observationShape). */
  observe(out: Float32Array, offset?: number): void;
  /** Steps taken in the current episode. */
  readonly steps: number;
  render(): RenderFrame;
}

/** A seeded generator of numbers in [0, 1). */
export type Rng = () => number;

/** mulberry32: small, fast and good enough for games; the same seed gives the same stream. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Product of a shape's dimensions. */
export function sizeOf(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** Throws a sentence when `action` is not one of the game's actions. */
export function checkAction(spec: EnvSpec, action: number): void {
  if (!Number.isInteger(action) || action < 0 || action >= spec.actionCount)
    throw new RangeError(
      `${spec.title} has ${spec.actionCount} actions (0–${spec.actionCount - 1}); received action ${action}.`,
    );
}
