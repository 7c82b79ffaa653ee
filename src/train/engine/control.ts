/** Pause / resume / stop flags the loop checks between batches. */
export class Control {
  paused = false;
  stopped = false;
  private wake: (() => void) | null = null;

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.wake?.();
  }

  stop(): void {
    this.stopped = true;
    this.wake?.();
  }

  /** Resolves at once unless paused; then when resumed or stopped. Returns how long it waited (ms). */
  async gate(): Promise<number> {
    if (!this.paused || this.stopped) return 0;
    const t0 = performance.now();
    while (this.paused && !this.stopped) {
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
    this.wake = null;
    return performance.now() - t0;
  }
}

let channel: MessageChannel | null = null;
const waiting: (() => void)[] = [];

/** Lets queued messages (pause, stop …) run without the 4 ms clamp of nested timers. */
export function yieldToEvents(): Promise<void> {
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel!.port2.postMessage(0);
  });
}

/** Closes the yield channel so a Node process can exit (tests). */
export function closeYieldChannel(): void {
  channel?.port1.close();
  channel = null;
}
