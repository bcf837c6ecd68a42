/**
 * The heavy lane takes turns by client: a client that queued many heavy operations first does not
 * hold back another client's one, which runs next; within a client, first come first served.
 */
import { describe, expect, it } from 'vitest';
import { HeavyLane } from '../../server/graphql/lanes.js';

describe('HeavyLane', () => {
  it('serves waiting clients in turn, and each client in order', async () => {
    const lane = new HeavyLane(1, 1);
    const order: string[] = [];
    /** Enter, note the turn, give the slot back. */
    const run = async (client: string, name: string) => {
      const leave = await lane.enter(client);
      order.push(name);
      setImmediate(leave);
    };
    const first = await lane.enter('a');
    order.push('a0');
    const waiting = [run('a', 'a1'), run('a', 'a2'), run('a', 'a3'), run('b', 'b1'), run('a', 'a4'), run('c', 'c1')];
    expect(lane.queued).toBe(6);
    first();
    await Promise.all(waiting);
    expect(order).toEqual(['a0', 'a1', 'b1', 'c1', 'a2', 'a3', 'a4']);
    expect(lane.queued).toBe(0);
  });

  it('a slot given back twice counts once', async () => {
    const lane = new HeavyLane(1, 1);
    const leave = await lane.enter('a');
    leave();
    leave();
    const again = await lane.enter('b');
    let third = false;
    void lane.enter('c').then(() => (third = true));
    await Promise.resolve();
    expect(third).toBe(false);
    again();
    await expect.poll(() => third).toBe(true);
  });
});
