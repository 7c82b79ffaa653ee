import {
  CELL,
  checkAction,
  type Env,
  type EnvSpec,
  type RenderFrame,
  type Rng,
  seededRng,
  type StepResult,
} from './types';

const ROWS = 10;
const COLS = 10;
const PADDLE = 3;

export const CATCH_SPEC: EnvSpec = {
  id: 'catch',
  title: 'Catch',
  observationShape: [ROWS, COLS, 1],
  actionCount: 3,
  actionNames: ['left', 'stay', 'right'],
  maxSteps: ROWS - 1,
  solvedThreshold: 0.9,
  observationText: `a ${ROWS}×${COLS} image: the falling ball and the paddle are 1, the rest 0`,
};

/**
 * Catch: a ball falls one row per step from a random column of the top row; the agent moves a 3-wide paddle
 * along the bottom row. When the ball reaches the bottom the episode ends: +1 if the paddle is under it, -1 if not.
 * The observation is the screen itself, so a convolutional policy can read it.
 */
export class Catch implements Env {
  readonly spec = CATCH_SPEC;
  readonly rows = ROWS;
  readonly cols = COLS;
  ballRow = 0;
  ballCol = 0;
  /** Column of the paddle's left end. */
  paddle = 0;
  steps = 0;
  private rng: Rng;

  constructor(seed = 0) {
    this.rng = seededRng(seed);
    this.reset();
  }

  reset(seed?: number): void {
    if (seed !== undefined) this.rng = seededRng(seed);
    this.ballRow = 0;
    this.ballCol = Math.floor(this.rng() * COLS);
    this.paddle = Math.floor((COLS - PADDLE) / 2);
    this.steps = 0;
  }

  step(action: number): StepResult {
    checkAction(this.spec, action);
    this.paddle = Math.min(COLS - PADDLE, Math.max(0, this.paddle + action - 1));
    this.ballRow += 1;
    this.steps += 1;
    if (this.ballRow < ROWS - 1) return { reward: 0, terminated: false, truncated: false };
    const caught = this.ballCol >= this.paddle && this.ballCol < this.paddle + PADDLE;
    return { reward: caught ? 1 : -1, terminated: true, truncated: false };
  }

  observe(out: Float32Array, offset = 0): void {
    out.fill(0, offset, offset + ROWS * COLS);
    for (let c = this.paddle; c < this.paddle + PADDLE; c++) out[offset + (ROWS - 1) * COLS + c] = 1;
    out[offset + this.ballRow * COLS + this.ballCol] = 1;
  }

  render(): RenderFrame {
    const cells = new Uint8Array(ROWS * COLS);
    for (let c = this.paddle; c < this.paddle + PADDLE; c++) cells[(ROWS - 1) * COLS + c] = CELL.paddle;
    cells[this.ballRow * COLS + this.ballCol] = CELL.ball;
    return { type: 'grid', rows: ROWS, cols: COLS, cells };
  }
}
