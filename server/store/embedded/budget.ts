/**
 * A wall-clock budget for one graph question that also shares the event loop: long searches check
 * the deadline every few thousand steps and give way to other requests every few milliseconds.
 */
import { performance } from 'node:perf_hooks';

const SLICE_MS = 6;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export class Budget {
  private readonly deadline: number;
  private sliceEnd: number;
  timedOut = false;

  constructor(budgetMs: number) {
    const now = performance.now();
    this.deadline = now + budgetMs;
    this.sliceEnd = now + SLICE_MS;
  }

  /** Call every few thousand steps: true when the budget is spent. May wait for other work. */
  async check(): Promise<boolean> {
    if (this.timedOut) return true;
    const now = performance.now();
    if (now > this.deadline) {
      this.timedOut = true;
      return true;
    }
    if (now > this.sliceEnd) {
      await yieldToEventLoop();
      this.sliceEnd = performance.now() + SLICE_MS;
    }
    return false;
  }
}
