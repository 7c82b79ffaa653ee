/**
 * A DQN replay buffer: a ring of the last `capacity` transitions (s, a, r, s', terminal) in typed arrays;
 * uniform sampling with replacement from what has been stored.
 */
export class ReplayBuffer {
  readonly obs: Float32Array;
  readonly next: Float32Array;
  readonly actions: Int32Array;
  readonly rewards: Float32Array;
  readonly terminated: Uint8Array;
  /** Transitions stored so far (at most `capacity`). */
  size = 0;
  /** Where the next transition goes. */
  private head = 0;

  constructor(
    readonly capacity: number,
    readonly obsSize: number,
  ) {
    if (!(Number.isInteger(capacity) && capacity >= 1))
      throw new RangeError(`The replay buffer must hold at least 1 transition; received ${capacity}.`);
    this.obs = new Float32Array(capacity * obsSize);
    this.next = new Float32Array(capacity * obsSize);
    this.actions = new Int32Array(capacity);
    this.rewards = new Float32Array(capacity);
    this.terminated = new Uint8Array(capacity);
  }

  /** Stores one transition, overwriting the oldest once full. Observations are copied from `row` of each array. */
  add(
    obs: Float32Array,
    row: number,
    action: number,
    reward: number,
    next: Float32Array,
    terminal: boolean,
  ): void {
    const i = this.head;
    const d = this.obsSize;
    this.obs.set(obs.subarray(row * d, (row + 1) * d), i * d);
    this.next.set(next.subarray(row * d, (row + 1) * d), i * d);
    this.actions[i] = action;
    this.rewards[i] = reward;
    this.terminated[i] = terminal ? 1 : 0;
    this.head = (i + 1) % this.capacity;
    this.size = Math.min(this.size + 1, this.capacity);
  }

  /** `n` transitions drawn uniformly (with replacement) from the stored ones, gathered into fresh arrays. */
  sample(n: number, rng: () => number) {
    if (this.size === 0) throw new RangeError('The replay buffer is empty: play some steps before sampling.');
    const d = this.obsSize;
    const batch = {
      indices: new Int32Array(n),
      obs: new Float32Array(n * d),
      next: new Float32Array(n * d),
      actions: new Int32Array(n),
      rewards: new Float32Array(n),
      terminated: new Uint8Array(n),
    };
    for (let k = 0; k < n; k++) {
      const i = Math.floor(rng() * this.size);
      batch.indices[k] = i;
      batch.obs.set(this.obs.subarray(i * d, (i + 1) * d), k * d);
      batch.next.set(this.next.subarray(i * d, (i + 1) * d), k * d);
      batch.actions[k] = this.actions[i];
      batch.rewards[k] = this.rewards[i];
      batch.terminated[k] = this.terminated[i];
    }
    return batch;
  }
}
