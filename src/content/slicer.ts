/**
 * Cuts long work into slices of a few milliseconds and gives the page its turn between them, so
 * Backstory never causes a long task (over 50 ms) however big the page or the glossary.
 */

const SLICE_MS = 8;

/** Ends the task: what comes next runs in a later one, after the page had its turn. */
export async function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) await scheduler.yield();
  else await new Promise((done) => setTimeout(done, 0));
}

export class Slicer {
  private sliceEnd = performance.now() + SLICE_MS;

  /** Whether the slice is used up: the caller should `await pause()` before going on. */
  due(): boolean {
    return performance.now() >= this.sliceEnd;
  }

  /**
   * Lets the browser draw a frame, so marks just made are on screen before long work goes on: a
   * browser may hold frames back while tasks keep coming. A tab that draws none (hidden) waits 100 ms.
   */
  async draw(): Promise<void> {
    await new Promise((done) => {
      requestAnimationFrame(() => setTimeout(done, 0));
      setTimeout(done, 100);
    });
    this.sliceEnd = performance.now() + SLICE_MS;
  }

  /** Starts a new slice: the caller's task began after the page had its turn (an awaited message). */
  restart(): void {
    this.sliceEnd = performance.now() + SLICE_MS;
  }

  /** Gives the page its turn, then starts a new slice. */
  async pause(): Promise<void> {
    await yieldToPage();
    this.sliceEnd = performance.now() + SLICE_MS;
  }
}
