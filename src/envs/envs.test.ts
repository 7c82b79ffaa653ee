import { describe, expect, it } from 'vitest';
import {
  CARTPOLE,
  Catch,
  CartPole,
  cartPoleTransition,
  envSpec,
  Maze,
  MAZE_LAYOUT,
  makeEnv,
  sizeOf,
  VecEnv,
} from '.';

describe('CartPole', () => {
  it('follows Gym equations of motion (hand-computed from rest, pushing right)', () => {
    // temp = F/M = 100/11; θ'' = -temp / (l(4/3 − m/M)) = −600/41; x'' = temp − ml θ'' / M = 4400/451.
    const s1 = cartPoleTransition([0, 0, 0, 0], 1);
    expect(s1[0]).toBe(0);
    expect(s1[1]).toBeCloseTo((0.02 * 4400) / 451, 12);
    expect(s1[2]).toBe(0);
    expect(s1[3]).toBeCloseTo((0.02 * -600) / 41, 12);
    // Explicit Euler: positions advance with the previous velocities.
    const s2 = cartPoleTransition(s1, 1);
    expect(s2[0]).toBeCloseTo(0.02 * s1[1], 12);
    expect(s2[2]).toBeCloseTo(0.02 * s1[3], 12);
    // Pushing left mirrors it.
    expect(cartPoleTransition([0, 0, 0, 0], 0)[1]).toBeCloseTo((-0.02 * 4400) / 451, 12);
  });

  it('uses gravity on a leaning pole: hand-computed angular acceleration at θ = 0.1', () => {
    const sin = Math.sin(0.1);
    const cos = Math.cos(0.1);
    const temp = 10 / 1.1;
    const thetaAcc = (9.8 * sin - cos * temp) / (0.5 * (4 / 3 - (0.1 * cos * cos) / 1.1));
    const s = cartPoleTransition([0, 0, 0.1, 0], 1);
    expect(s[3]).toBeCloseTo(0.02 * thetaAcc, 12);
    expect(s[2]).toBeCloseTo(0.1, 12);
  });

  it('ends when the pole passes 12° or the cart leaves ±2.4, and is cut off at 500 steps', () => {
    const env = new CartPole(1);
    env.state = [0, 0, CARTPOLE.thetaThreshold + 0.01, 0];
    expect(env.step(1)).toEqual({ reward: 1, terminated: true, truncated: false });
    env.reset();
    env.state = [2.4, 1, 0, 0];
    expect(env.step(0).terminated).toBe(true);
    env.reset();
    let last = env.step(0);
    for (let i = 1; i < 500; i++) {
      env.state = [0, 0, 0, 0];
      last = env.step(i % 2);
      if (i < 499) expect(last.truncated).toBe(false);
    }
    expect(env.steps).toBe(500);
    expect(last).toEqual({ reward: 1, terminated: false, truncated: true });
  });

  it('starts within ±0.05 and is reproducible under a seed', () => {
    const a = new CartPole(42);
    const b = new CartPole(42);
    for (const v of a.state) expect(Math.abs(v)).toBeLessThanOrEqual(0.05);
    expect(a.state).toEqual(b.state);
    expect(new CartPole(43).state).not.toEqual(a.state);
    const obs = new Float32Array(4);
    a.observe(obs);
    expect(Array.from(obs)).toEqual(a.state.map(Math.fround));
  });

  it('rejects an action it does not have with a sentence', () => {
    expect(() => new CartPole().step(2)).toThrow('CartPole has 2 actions (0–1); received action 2.');
  });
});

describe('Maze', () => {
  const [UP, RIGHT, DOWN] = [0, 1, 2];

  it('walks the shortest path from S to the goal: 10 steps, return 0.91', () => {
    const maze = new Maze(0, false);
    expect(maze.position).toBe(0);
    const path = [RIGHT, RIGHT, DOWN, DOWN, RIGHT, RIGHT, RIGHT, DOWN, DOWN, DOWN];
    let total = 0;
    let last = maze.step(path[0]);
    total += last.reward;
    for (const a of path.slice(1)) {
      last = maze.step(a);
      total += last.reward;
    }
    expect(last.terminated).toBe(true);
    expect(maze.position).toBe(Maze.goalCell);
    expect(total).toBeCloseTo(0.91, 10);
  });

  it('stays put when it walks into a wall or the edge', () => {
    const maze = new Maze(0, false);
    expect(maze.step(UP)).toEqual({ reward: -0.01, terminated: false, truncated: false });
    expect(maze.position).toBe(0);
    maze.step(RIGHT);
    maze.step(RIGHT);
    expect(MAZE_LAYOUT[0][3]).toBe('#');
    maze.step(RIGHT);
    expect(maze.position).toBe(2);
  });

  it('observes a one-hot position and is cut off after 50 steps', () => {
    const maze = new Maze(3);
    const obs = new Float32Array(36);
    maze.observe(obs);
    expect(obs.reduce((a, b) => a + b, 0)).toBe(1);
    expect(obs[maze.position]).toBe(1);
    maze.placeAt(0);
    let r = maze.step(UP);
    for (let i = 1; i < 50; i++) r = maze.step(UP);
    expect(r.truncated).toBe(true);
    expect(() => maze.placeAt(3)).toThrow('Cell 3 is not an open cell of the maze.');
  });
});

describe('Catch', () => {
  it('shows ball and paddle as an image and rewards a catch with +1', () => {
    const game = new Catch(5);
    expect(game.spec.observationShape).toEqual([10, 10, 1]);
    const img = new Float32Array(100);
    game.observe(img);
    expect(img.reduce((a, b) => a + b, 0)).toBe(4); // ball + 3 paddle pixels
    expect(img[game.ballCol]).toBe(1);
    let r = { reward: 0, terminated: false, truncated: false };
    while (!r.terminated) {
      const centre = game.paddle + 1;
      r = game.step(game.ballCol < centre ? 0 : game.ballCol > centre ? 2 : 1);
    }
    expect(game.steps).toBe(9);
    expect(r.reward).toBe(1);
  });

  it('gives -1 when the ball lands beside the paddle', () => {
    const game = new Catch(5);
    game.ballCol = 0;
    let r = game.step(2);
    while (!r.terminated) r = game.step(2);
    expect(game.paddle).toBe(7);
    expect(r.reward).toBe(-1);
  });
});

describe('VecEnv', () => {
  it('steps copies together, resets finished ones and reports their returns', () => {
    const vec = new VecEnv('cartpole', 3, 9);
    expect(vec.obs.length).toBe(12);
    const ends: number[] = [];
    for (let t = 0; t < 200; t++) {
      const s = vec.step([1, 1, 1]);
      for (const e of s.finished) {
        ends.push(e.return);
        expect(e.length).toBe(e.return);
        expect(s.done[e.env]).toBe(1);
        expect(vec.envs[e.env].steps).toBe(0);
      }
    }
    // Always pushing right topples the pole within a few dozen steps.
    expect(ends.length).toBeGreaterThan(6);
    for (const r of ends) expect(r).toBeLessThan(60);
    const again = new VecEnv('cartpole', 3, 9);
    expect(Array.from(again.obs)).toEqual(Array.from(new VecEnv('cartpole', 3, 9).obs));
  });

  it('knows every game and refuses an unknown one with a sentence', () => {
    for (const id of ['cartpole', 'maze', 'catch'] as const) {
      const env = makeEnv(id, 1);
      expect(sizeOf(env.spec.observationShape)).toBeGreaterThan(0);
      expect(env.render().type).toBeTruthy();
    }
    expect(() => envSpec('pong')).toThrow('Unknown game "pong": choose one of cartpole, maze, catch.');
  });
});
