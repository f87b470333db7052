/**
 * Runs at most `concurrency` jobs at a time, first in first out. The queue itself lives in
 * the database (QUEUED rows); this holds only the ids the process has been handed.
 */
export class Scheduler {
  private readonly queue: string[] = [];
  private readonly active = new Set<string>();

  constructor(
    private readonly concurrency: number,
    private readonly execute: (runId: string) => Promise<void>,
  ) {}

  enqueue(runId: string): void {
    if (this.queue.includes(runId) || this.active.has(runId)) return;
    this.queue.push(runId);
    this.pump();
  }

  /** Takes a run out of the queue before it starts; false when it is not waiting. */
  remove(runId: string): boolean {
    const index = this.queue.indexOf(runId);
    if (index < 0) return false;
    this.queue.splice(index, 1);
    return true;
  }

  private pump(): void {
    while (this.active.size < this.concurrency && this.queue.length > 0) {
      const runId = this.queue.shift()!;
      this.active.add(runId);
      void this.execute(runId)
        .catch((error: unknown) => console.error(`run ${runId} failed unexpectedly:`, error))
        .finally(() => {
          this.active.delete(runId);
          this.pump();
        });
    }
  }
}
