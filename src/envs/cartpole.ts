import {
  checkAction,
  type Env,
  type EnvSpec,
  type RenderFrame,
  type Rng,
  seededRng,
  type StepResult,
} from './types';

/** Gym's CartPole constants (classic_control/cartpole.py). */
export const CARTPOLE = {
  gravity: 9.8,
  massCart: 1.0,
  massPole: 0.1,
  /** Half the pole's length (m). */
  length: 0.5,
  forceMag: 10.0,
  tau: 0.02,
  thetaThreshold: (12 * 2 * Math.PI) / 360,
  xThreshold: 2.4,
} as const;

export const CARTPOLE_SPEC: EnvSpec = {
  id: 'cartpole',
  title: 'CartPole',
  observationShape: [4],
  actionCount: 2,
  actionNames: ['left', 'right'],
  maxSteps: 500,
  solvedThreshold: 475,
  observationText: 'cart position, cart velocity, pole angle, pole angular velocity',
};

/** The four state variables [x, xDot, theta, thetaDot]. */
export type CartPoleState = [number, number, number, number];

/**
 * One Euler step of Gym's CartPole equations of motion (v1): push left (0) or right (1) with 10 N.
 * Pure, so tests can check it against hand-computed values.
 */
export function cartPoleTransition(s: CartPoleState, action: number): CartPoleState {
  const { gravity, massCart, massPole, length, forceMag, tau } = CARTPOLE;
  const totalMass = massCart + massPole;
  const poleMassLength = massPole * length;
  const [x, xDot, theta, thetaDot] = s;
  const force = action === 1 ? forceMag : -forceMag;
  const cos = Math.cos(theta);
  const sin = Math.sin(theta);
  const temp = (force + poleMassLength * thetaDot * thetaDot * sin) / totalMass;
  const thetaAcc = (gravity * sin - cos * temp) / (length * (4 / 3 - (massPole * cos * cos) / totalMass));
  const xAcc = temp - (poleMassLength * thetaAcc * cos) / totalMass;
  return [x + tau * xDot, xDot + tau * xAcc, theta + tau * thetaDot, thetaDot + tau * thetaAcc];
}

/** True when the cart left the track or the pole leaned past 12°. */
export function cartPoleFailed(s: CartPoleState): boolean {
  return Math.abs(s[0]) > CARTPOLE.xThreshold || Math.abs(s[2]) > CARTPOLE.thetaThreshold;
}

/** CartPole-v1: +1 per step the pole stays up, ends when it falls or after 500 steps. */
export class CartPole implements Env {
  readonly spec = CARTPOLE_SPEC;
  state: CartPoleState = [0, 0, 0, 0];
  steps = 0;
  private rng: Rng;

  constructor(seed = 0) {
    this.rng = seededRng(seed);
    this.reset();
  }

  reset(seed?: number): void {
    if (seed !== undefined) this.rng = seededRng(seed);
    // Gym: every state variable uniform in [-0.05, 0.05].
    this.state = [0, 0, 0, 0].map(() => this.rng() * 0.1 - 0.05) as CartPoleState;
    this.steps = 0;
  }

  step(action: number): StepResult {
    checkAction(this.spec, action);
    this.state = cartPoleTransition(this.state, action);
    this.steps += 1;
    const terminated = cartPoleFailed(this.state);
    // Gym gives the reward of the step on which the pole falls too.
    return { reward: 1, terminated, truncated: !terminated && this.steps >= this.spec.maxSteps };
  }

  observe(out: Float32Array, offset = 0): void {
    for (let i = 0; i < 4; i++) out[offset + i] = this.state[i];
  }

  render(): RenderFrame {
    return {
      type: 'cartpole',
      x: this.state[0],
      theta: this.state[2],
      xThreshold: CARTPOLE.xThreshold,
      poleLength: 2 * CARTPOLE.length,
    };
  }
}
