import { CHECK_STATES } from './db';
import type { TickRequest } from './journal';

/**
 * Ticks clicked but not yet committed, kept synchronously in localStorage (the
 * extension page's own origin): written before the IndexedDB write starts and
 * removed once it commits. When the page goes away in between (the extension
 * reloads, the panel closes, the disk is full) the next page that opens the
 * journal writes them again. Each keeps its id, so a tick that did commit is
 * never stored twice. Only the tick itself is kept: check id, state, note, the
 * officer's name and unit — the same fields the journal stores.
 */

/** Each tick under its own key (put and remove cost the same with 10,000 in flight). */
export const OUTBOX_PREFIX = 'da06-journal-outbox:';

export interface SyncStore {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface PendingTick extends TickRequest {
  clickedAt: number;
}

function isPending(x: unknown): x is PendingTick {
  const t = x as Partial<PendingTick> | null;
  return (
    !!t && typeof t === 'object' && typeof t.id === 'string' && typeof t.sessionId === 'string' && typeof t.checkId === 'string' &&
    CHECK_STATES.includes(t.state as never) && (t.note === undefined || typeof t.note === 'string') && typeof t.clickedAt === 'number' &&
    !!t.ctx && typeof t.ctx.staff === 'string' && typeof t.ctx.unit === 'string' && typeof t.ctx.demo === 'boolean'
  );
}

export class Outbox {
  constructor(private readonly store: SyncStore | undefined) {}

  /** Every tick left in the outbox; an unreadable entry is dropped. */
  list(): PendingTick[] {
    const out: PendingTick[] = [];
    if (!this.store) return out;
    const keys: string[] = [];
    for (let i = 0; i < this.store.length; i++) {
      const k = this.store.key(i);
      if (k?.startsWith(OUTBOX_PREFIX)) keys.push(k);
    }
    for (const k of keys) {
      let value: unknown;
      try {
        value = JSON.parse(this.store.getItem(k) ?? 'null');
      } catch {
        value = null;
      }
      if (isPending(value) && k === OUTBOX_PREFIX + value.id) out.push(value);
      else this.store.removeItem(k);
    }
    return out;
  }

  put(tick: PendingTick): void {
    try {
      this.store?.setItem(OUTBOX_PREFIX + tick.id, JSON.stringify(tick));
    } catch {
      // localStorage itself full or disabled: the IndexedDB write still runs, only the safety net is missing.
    }
  }

  remove(id: string): void {
    this.store?.removeItem(OUTBOX_PREFIX + id);
  }
}
