/**
 * Fair sharing of the one JavaScript thread: an operation whose cost (see limits.ts: what the
 * response may hold) is over `heavyCost` waits for a slot in the heavy lane, which runs at most
 * `heavySlots` of them at a time. Waiting operations take turns by client (round robin, first come
 * first served within a client), so a client queueing many heavy queries delays only its own,
 * and cheap operations never wait for the lane at all.
 */
export class HeavyLane {
  private running = 0;
  /** Waiting operations per client, and the clients in turn order. */
  private readonly waiting = new Map<string, Array<() => void>>();
  private readonly turns: string[] = [];

  constructor(readonly heavyCost: number, private readonly heavySlots = 1) {}

  /** Wait for a slot; the returned function gives it back (call it exactly once). */
  async enter(client = ''): Promise<() => void> {
    if (this.running >= this.heavySlots) {
      await new Promise<void>((resolve) => {
        const queue = this.waiting.get(client);
        if (queue) queue.push(resolve);
        else {
          this.waiting.set(client, [resolve]);
          this.turns.push(client);
        }
      });
    } else this.running += 1;
    let left = false;
    return () => {
      if (left) return;
      left = true;
      const next = this.nextInTurn();
      if (next) next(); // the slot passes straight to the next in turn
      else this.running -= 1;
    };
  }

  private nextInTurn(): (() => void) | undefined {
    const client = this.turns.shift();
    if (client === undefined) return undefined;
    const queue = this.waiting.get(client) as Array<() => void>;
    const next = queue.shift();
    if (queue.length > 0) this.turns.push(client);
    else this.waiting.delete(client);
    return next;
  }

  get queued(): number {
    let n = 0;
    for (const q of this.waiting.values()) n += q.length;
    return n;
  }
}
