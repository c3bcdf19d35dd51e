import { classifyError, type Journal, type JournalError, type StaffContext } from './journal';
import type { CheckState } from './db';
import type { Outbox, PendingTick } from './outbox';

/**
 * The panel's ticks between the click and the commit. A tick is "pending"
 * from the click until IndexedDB has committed it (the panel shows it as
 * saved only then, from the journal), "failed" when the write failed (shown
 * with the reason and a retry). Every tick is in the outbox until committed,
 * so neither a reload nor a full disk loses it; failed ticks are tried again
 * by hand, after any later successful write (space came back), every
 * `retryMs`, and on the next open (replay). Clicks that arrive while a write
 * is running are committed together in the next transaction (group commit),
 * so a burst drains at the speed of a few transactions, not one per click.
 */

export interface QueuedTick {
  tick: PendingTick;
  status: 'pending' | 'failed';
  error?: JournalError;
}

/** Most ticks written in one transaction. */
const BATCH = 500;

const retriable = (e?: JournalError) => e?.kind !== 'invalid' && e?.kind !== 'clock';

export class TickQueue {
  private entries = new Map<string, QueuedTick>();
  private snapshot: readonly QueuedTick[] = [];
  private listeners = new Set<() => void>();
  private notifying = false;
  private lastClick = 0;
  private waiting: { tick: PendingTick; again: boolean; done: (e: JournalError | null) => void }[] = [];
  private flushing = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

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

  /** Listeners hear once per turn, however many ticks changed. */
  private changed(): void {
    if (this.notifying) return;
    this.notifying = true;
    queueMicrotask(() => {
      this.notifying = false;
      this.snapshot = [...this.entries.values()];
      for (const l of this.listeners) l();
    });
  }

  /** Record the click synchronously (outbox), then write it. Resolves to the error, if any. */
  submit(sessionId: string, checkId: string, state: CheckState, note: string | undefined, ctx: StaffContext): Promise<JournalError | null> {
    const refused = this.journal.refusal({ state, note });
    if (refused) return Promise.resolve(refused);
    // Click times strictly increase within a page, so a replay keeps the clicks' order.
    this.lastClick = Math.max(this.clock(), this.lastClick + 1);
    const tick: PendingTick = { id: this.journal.newTickId(), sessionId, checkId, state, ...(note !== undefined ? { note } : {}), ctx, clickedAt: this.lastClick };
    this.outbox.put(tick);
    return this.send(tick, false);
  }

  private send(tick: PendingTick, again = true): Promise<JournalError | null> {
    this.entries.set(tick.id, { tick, status: 'pending' });
    this.changed();
    return new Promise((done) => {
      this.waiting.push({ tick, again, done });
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.waiting.length) {
        const batch = this.waiting.splice(0, BATCH);
        let error: JournalError | null = null;
        try {
          await this.journal.writeMany(batch.map((b) => ({ ...b.tick, again: b.again })));
        } catch (e) {
          error = classifyError(e);
        }
        for (const { tick } of batch) {
          if (error) {
            if (!retriable(error)) this.outbox.remove(tick.id); // would never succeed
            this.entries.set(tick.id, { tick, status: 'failed', error });
          } else {
            this.outbox.remove(tick.id);
            this.entries.delete(tick.id);
          }
        }
        this.changed();
        for (const b of batch) b.done(error);
        if (error) {
          this.retryLater();
        } else {
          // A write went through: whatever failed before (a full disk) may go through now.
          for (const q of this.entries.values()) {
            if (q.status === 'failed' && retriable(q.error)) {
              q.status = 'pending';
              this.waiting.push({ tick: q.tick, again: true, done: () => {} });
            }
          }
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  /** While ticks are failed, try them again every so often: space freed elsewhere is noticed without a click. */
  private retryLater(): void {
    if (this.timer !== undefined || this.retryMs <= 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      for (const q of [...this.entries.values()]) if (q.status === 'failed' && retriable(q.error)) void this.send(q.tick);
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
    const results = await Promise.all(left.map((t) => this.send(t)));
    const failed = results.filter(Boolean).length;
    return { saved: left.length - failed, failed };
  }
}
