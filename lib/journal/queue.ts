import { classifyError, type Journal, type JournalError, type StaffContext } from './journal';
import type { CheckState } from './db';
import type { Outbox, PendingTick } from './outbox';

/**
 * The panel's ticks between the click and the commit. A tick is "pending"
 * from the click until IndexedDB has committed it (the panel shows it as
 * saved only then, from the journal), "failed" when the write failed (shown
 * with the reason and a retry). Every tick is in the outbox until committed,
 * so neither a reload nor a full disk loses it; failed ticks are tried again
 * by hand, after any later successful write (space came back), and on the
 * next open (replay).
 */

export interface QueuedTick {
  tick: PendingTick;
  status: 'pending' | 'failed';
  error?: JournalError;
}

export class TickQueue {
  private entries = new Map<string, QueuedTick>();
  private snapshot: readonly QueuedTick[] = [];
  private listeners = new Set<() => void>();
  private lastClick = 0;

  constructor(
    private readonly journal: Journal,
    private readonly outbox: Outbox,
    private readonly clock: () => number = () => Date.now(),
    /** How long a failed tick waits before it is tried again by itself (0: never). */
    private readonly retryMs = 15_000,
  ) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): readonly QueuedTick[] => this.snapshot;

  private changed(): void {
    this.snapshot = [...this.entries.values()];
    for (const l of this.listeners) l();
  }

  /** Record the click synchronously (outbox), then write it. Resolves to the error, if any. */
  submit(sessionId: string, checkId: string, state: CheckState, note: string | undefined, ctx: StaffContext): Promise<JournalError | null> {
    // Click times strictly increase within a page, so a replay keeps the clicks' order.
    this.lastClick = Math.max(this.clock(), this.lastClick + 1);
    const tick: PendingTick = { id: this.journal.newTickId(), sessionId, checkId, state, ...(note !== undefined ? { note } : {}), ctx, clickedAt: this.lastClick };
    this.outbox.put(tick);
    return this.send(tick, false);
  }

  private async send(tick: PendingTick, again = true): Promise<JournalError | null> {
    this.entries.set(tick.id, { tick, status: 'pending' });
    this.changed();
    try {
      await this.journal.write({ ...tick, again });
    } catch (e) {
      const error = classifyError(e);
      if (error.kind === 'invalid' || error.kind === 'clock') this.outbox.remove(tick.id); // would never succeed
      this.entries.set(tick.id, { tick, status: 'failed', error });
      this.changed();
      this.retryLater();
      return error;
    }
    this.outbox.remove(tick.id);
    this.entries.delete(tick.id);
    this.changed();
    // A write went through: whatever failed before (a full disk) may go through now.
    const failed = [...this.entries.values()].filter((q) => q.status === 'failed' && q.error?.kind !== 'invalid' && q.error?.kind !== 'clock');
    for (const q of failed) void this.send(q.tick);
    return null;
  }

  private timer: ReturnType<typeof setTimeout> | undefined;
  /** While ticks are failed, try them again every so often: space freed elsewhere is noticed without a click. */
  private retryLater(): void {
    if (this.timer !== undefined || this.retryMs <= 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const failed = [...this.entries.values()].filter((q) => q.status === 'failed' && q.error?.kind !== 'invalid' && q.error?.kind !== 'clock');
      for (const q of failed) void this.send(q.tick);
    }, this.retryMs);
  }

  retry(id: string): Promise<JournalError | null> {
    const q = this.entries.get(id);
    return q ? this.send(q.tick) : Promise.resolve(null);
  }

  /** Drop a failed tick the officer gave up on. */
  discard(id: string): void {
    this.outbox.remove(id);
    this.entries.delete(id);
    this.changed();
  }

  /**
   * Write the ticks a previous page left in the outbox (oldest first).
   * Returns how many were saved now and how many still fail.
   */
  async replay(): Promise<{ saved: number; failed: number }> {
    const left = this.outbox.list().filter((t) => !this.entries.has(t.id)).sort((a, b) => a.clickedAt - b.clickedAt);
    let saved = 0;
    let failed = 0;
    for (const tick of left) {
      if (await this.send(tick)) failed++;
      else saved++;
    }
    return { saved, failed };
  }
}
