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

export const OUTBOX_KEY = 'da06-journal-outbox';

export interface SyncStore {
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

  list(): PendingTick[] {
    try {
      const raw: unknown = JSON.parse(this.store?.getItem(OUTBOX_KEY) ?? '[]');
      return Array.isArray(raw) ? raw.filter(isPending) : [];
    } catch {
      return [];
    }
  }

  private save(list: PendingTick[]): void {
    try {
      if (list.length) this.store?.setItem(OUTBOX_KEY, JSON.stringify(list));
      else this.store?.removeItem(OUTBOX_KEY);
    } catch {
      // localStorage itself full or disabled: the IndexedDB write still runs, only the safety net is missing.
    }
  }

  put(tick: PendingTick): void {
    this.save([...this.list().filter((t) => t.id !== tick.id), tick]);
  }

  remove(id: string): void {
    const list = this.list();
    if (list.some((t) => t.id === id)) this.save(list.filter((t) => t.id !== id));
  }
}
