/**
 * Fair sharing of the one JavaScript thread: an operation whose cost (see limits.ts: what the
 * response may hold) is over `heavyCost` waits for a slot in the heavy lane, which runs at most
 * `heavySlots` of them at a time, first come first served. Cheap operations never wait for it,
 * so a client sending the most expensive queries the limits allow slows only its own kind.
 */
export class HeavyLane {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly heavyCost: number, private readonly heavySlots = 1) {}

  /** Wait for a slot; the returned function gives it back (call it exactly once). */
  async enter(): Promise<() => void> {
    if (this.running >= this.heavySlots) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running += 1;
    let left = false;
    return () => {
      if (left) return;
      left = true;
      const next = this.waiting.shift();
      if (next) next(); // the slot passes straight to the next in line
      else this.running -= 1;
    };
  }

  get queued(): number {
    return this.waiting.length;
  }
}
