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

/** The built-in maze: `#` wall, `.` floor, `S` start, `G` goal. */
export const MAZE_LAYOUT = ['S..#..', '##.#.#', '......', '.####.', '...#..', '##...G'];

const ROWS = MAZE_LAYOUT.length;
const COLS = MAZE_LAYOUT[0].length;

/** Moves of the four actions: up, right, down, left (row, column deltas). */
export const MAZE_MOVES: ReadonlyArray<readonly [number, number]> = [
  [-1, 0],
  [0, 1],
  [1, 0],
  [0, -1],
];

/** Reward of reaching the goal, and of every other step (a small cost so shorter paths pay more). */
export const MAZE_REWARD = { goal: 1, step: -0.01 } as const;

export const MAZE_SPEC: EnvSpec = {
  id: 'maze',
  title: 'Maze',
  observationShape: [ROWS * COLS],
  actionCount: 4,
  actionNames: ['up', 'right', 'down', 'left'],
  maxSteps: 50,
  observationText: `one-hot position of the agent on the ${ROWS}×${COLS} grid`,
};

/** Where each kind of cell is in the layout. */
function parseLayout(layout: readonly string[]) {
  const walls = new Uint8Array(ROWS * COLS);
  let start = 0;
  let goal = 0;
  layout.forEach((row, r) => {
    for (let c = 0; c < COLS; c++) {
      const ch = row[c];
      if (ch === '#') walls[r * COLS + c] = 1;
      if (ch === 'S') start = r * COLS + c;
      if (ch === 'G') goal = r * COLS + c;
    }
  });
  const open: number[] = [];
  for (let i = 0; i < walls.length; i++) if (!walls[i] && i !== goal) open.push(i);
  return { walls, start, goal, open };
}

const LAYOUT = parseLayout(MAZE_LAYOUT);

/**
 * A grid maze: walls block moves (the agent stays put), reaching the goal ends the episode with +1, every other
 * step costs 0.01. Episodes start on a random open cell (so the agent learns the way from everywhere), or on S.
 */
export class Maze implements Env {
  readonly spec = MAZE_SPEC;
  readonly rows = ROWS;
  readonly cols = COLS;
  /** The agent's cell (row-major index). */
  position = LAYOUT.start;
  steps = 0;
  private rng: Rng;

  constructor(
    seed = 0,
    readonly randomStart = true,
  ) {
    this.rng = seededRng(seed);
    this.reset();
  }

  reset(seed?: number): void {
    if (seed !== undefined) this.rng = seededRng(seed);
    this.position = this.randomStart
      ? LAYOUT.open[Math.floor(this.rng() * LAYOUT.open.length)]
      : LAYOUT.start;
    this.steps = 0;
  }

  /** Places the agent on `cell` (for evaluation from every cell); throws on a wall or outside the grid. */
  placeAt(cell: number): void {
    if (!(cell >= 0 && cell < ROWS * COLS) || LAYOUT.walls[cell])
      throw new RangeError(`Cell ${cell} is not an open cell of the maze.`);
    this.position = cell;
    this.steps = 0;
  }

  step(action: number): StepResult {
    checkAction(this.spec, action);
    const r = Math.floor(this.position / COLS) + MAZE_MOVES[action][0];
    const c = (this.position % COLS) + MAZE_MOVES[action][1];
    if (r >= 0 && r < ROWS && c >= 0 && c < COLS && !LAYOUT.walls[r * COLS + c]) this.position = r * COLS + c;
    this.steps += 1;
    const terminated = this.position === LAYOUT.goal;
    return {
      reward: terminated ? MAZE_REWARD.goal : MAZE_REWARD.step,
      terminated,
      truncated: !terminated && this.steps >= this.spec.maxSteps,
    };
  }

  observe(out: Float32Array, offset = 0): void {
    out.fill(0, offset, offset + ROWS * COLS);
    out[offset + this.position] = 1;
  }

  render(): RenderFrame {
    const cells = new Uint8Array(ROWS * COLS);
    for (let i = 0; i < cells.length; i++) cells[i] = LAYOUT.walls[i] ? CELL.wall : CELL.empty;
    cells[LAYOUT.goal] = CELL.goal;
    cells[this.position] = CELL.agent;
    return { type: 'grid', rows: ROWS, cols: COLS, cells };
  }

  /** Open cells an episode may start on (every floor cell but the goal). */
  static get openCells(): readonly number[] {
    return LAYOUT.open;
  }

  /** The goal's cell. */
  static get goalCell(): number {
    return LAYOUT.goal;
  }
}
