import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { JournalDb } from '../../lib/journal/db';
import { classifyError, deriveState, Journal, type StaffContext } from '../../lib/journal/journal';
import { Outbox, OUTBOX_PREFIX, type SyncStore } from '../../lib/journal/outbox';
import { TickQueue } from '../../lib/journal/queue';

/*
 * Issue 15 cause 8: faults with recovery. A full disk is injected into
 * fake-indexeddb (the object store refuses writes, or the database refuses to
 * open, with the QuotaExceededError a browser gives), a reload is a new
 * Journal + TickQueue over the same localStorage.
 */

const me: StaffContext = { staff: 'Cán bộ Minh', unit: 'ubnd-cap-xa', demo: false };
const SID = 'dossier:code:1.001193:H1';
let n = 0;
const dbs: Dexie[] = [];
function freshDb(name = `test-faults-${Date.now()}-${n++}`, options?: ConstructorParameters<typeof JournalDb>[1]): JournalDb {
  const db = new JournalDb(name, options);
  dbs.push(db);
  return db;
}
const restore: (() => void)[] = [];
afterEach(async () => {
  for (const r of restore.splice(0)) r();
  for (const db of dbs.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

/** Make every object-store write throw QuotaExceededError while `disk.full`. */
function fullDisk(): { full: boolean } {
  const disk = { full: true };
  const proto = (globalThis as unknown as { IDBObjectStore: { prototype: Record<string, (...a: unknown[]) => unknown> } }).IDBObjectStore.prototype;
  for (const method of ['add', 'put'] as const) {
    const original = proto[method];
    proto[method] = function (this: unknown, ...args: unknown[]) {
      if (disk.full) throw quota();
      return original.apply(this, args);
    };
    restore.push(() => (proto[method] = original));
  }
  return disk;
}

class MemoryStore implements SyncStore {
  map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}

async function openSession(journal: Journal) {
  await journal.ensureSession({ id: SID, procedureKey: 'code:1.001193', procedureName: 'Đăng ký khai sinh', dossierCode: 'H1', label: 'H1', checkIds: ['dinh-danh', 'so-hoa'] }, me);
}

describe('faults with recovery', () => {
  it('attack: disk full while ticking → "quota" (disk full), the tick shown as failed and kept; space returns → it and new ticks save without reopening', async () => {
    const db = freshDb();
    const journal = new Journal(db);
    await openSession(journal);
    const store = new MemoryStore();
    const queue = new TickQueue(journal, new Outbox(store), Date.now, 0);
    const disk = fullDisk();

    const error = await queue.submit(SID, 'dinh-danh', 'done', undefined, me);
    expect(error?.kind).toBe('quota');
    expect(queue.getSnapshot()).toMatchObject([{ status: 'failed', tick: { checkId: 'dinh-danh', state: 'done' } }]);
    expect(new Outbox(store).list()).toHaveLength(1);
    expect((await journal.stateOf(SID)).size).toBe(0); // not shown as saved

    disk.full = false;
    expect(await queue.submit(SID, 'so-hoa', 'na', 'không có giấy tờ', me)).toBeNull();
    await expect.poll(() => queue.getSnapshot().length).toBe(0);
    const state = await journal.stateOf(SID);
    expect(state.get('dinh-danh')?.state).toBe('done');
    expect(state.get('so-hoa')?.state).toBe('na');
    expect(store.length).toBe(0);
  });

  it('attack: disk full when the journal opens → "quota", not "blocked / another version"; space returns → the next tick saves on the same connection', async () => {
    const real = indexedDB;
    const disk = { full: true };
    const factory = {
      open(name: string, version?: number) {
        if (!disk.full) return real.open(name, version);
        const req: Record<string, unknown> = { readyState: 'pending', result: undefined, error: null, source: null, transaction: null };
        setTimeout(() => {
          req.error = quota();
          req.readyState = 'done';
          (req.onerror as ((e: unknown) => void) | undefined)?.({ target: req, type: 'error', preventDefault() {}, stopPropagation() {} });
        }, 0);
        return req;
      },
      deleteDatabase: (name: string) => real.deleteDatabase(name),
      cmp: (a: unknown, b: unknown) => real.cmp(a, b),
      databases: () => real.databases(),
    } as unknown as IDBFactory;
    const db = freshDb(undefined, { indexedDB: factory, IDBKeyRange });
    const journal = new Journal(db);
    const failure = await journal.tick(SID, 'dinh-danh', 'done', undefined, me).catch((e: unknown) => e);
    expect(failure).toMatchObject({ kind: 'quota' });
    // Later ticks report the same cause while the disk stays full.
    expect(await journal.tick(SID, 'dinh-danh', 'done', undefined, me).catch((e: unknown) => e)).toMatchObject({ kind: 'quota' });

    disk.full = false;
    await journal.tick(SID, 'dinh-danh', 'done', undefined, me);
    expect((await journal.stateOf(SID)).get('dinh-danh')?.state).toBe('done');
  });

  it('attack: a lost connection wrapping a full disk (DatabaseClosedError ← OpenFailedError ← QuotaExceededError) → classified as quota', () => {
    const inner = Object.assign(new Error('open failed'), { name: 'OpenFailedError', inner: quota() });
    const closed = Object.assign(new Error('Database has been closed'), { name: 'DatabaseClosedError', inner });
    expect(classifyError(closed).kind).toBe('quota');
  });

  it('attack: 40 clicks in flight when the extension reloads → every one saved on the next open, none twice, with a count for the notice', async () => {
    const db = freshDb();
    const store = new MemoryStore();
    const journal = new Journal(db);
    await openSession(journal);
    const disk = fullDisk();
    // The page dies with the writes in flight: here they never commit.
    const queue = new TickQueue(journal, new Outbox(store), Date.now, 0);
    const checks = ['dinh-danh', 'so-hoa'];
    for (let i = 0; i < 40; i++) void queue.submit(SID, checks[i % 2], i % 3 === 0 ? 'na' : 'done', undefined, me);
    expect(new Outbox(store).list()).toHaveLength(40);
    await expect.poll(() => queue.getSnapshot().every((q) => q.status === 'failed')).toBe(true);
    disk.full = false;
    // One of them did commit before the reload (its outbox entry not yet removed).
    const committed = new Outbox(store).list()[0];
    await journal.write({ ...committed, again: true });

    const nextPage = new TickQueue(new Journal(db), new Outbox(store), Date.now, 0);
    const { saved, failed } = await nextPage.replay();
    expect({ saved, failed }).toEqual({ saved: 40, failed: 0 });
    expect(await db.events.count()).toBe(40);
    expect(store.length).toBe(0);
    // Order of the clicks is kept: the last click on each check is its state.
    const events = await db.events.toArray();
    expect(deriveState(events).get('dinh-danh')?.state).toBe((await journal.stateOf(SID)).get('dinh-danh')?.state);
    // The last clicks: i = 38 on dinh-danh (done), i = 39 on so-hoa (na).
    expect((await journal.stateOf(SID)).get('dinh-danh')?.state).toBe('done');
    expect((await journal.stateOf(SID)).get('so-hoa')?.state).toBe('na');
  });

  it('attack: a corrupt outbox entry in localStorage → ignored, the rest replayed', async () => {
    const db = freshDb();
    const store = new MemoryStore();
    store.setItem(`${OUTBOX_PREFIX}1`, JSON.stringify({ id: 1 }));
    store.setItem(`${OUTBOX_PREFIX}x`, '{not json');
    store.setItem(`${OUTBOX_PREFIX}ok`, JSON.stringify({ id: 'ok', sessionId: SID, checkId: 'so-hoa', state: 'done', ctx: me, clickedAt: Date.now() }));
    store.setItem('other-key', 'kept');
    const { saved } = await new TickQueue(new Journal(db), new Outbox(store), Date.now, 0).replay();
    expect(saved).toBe(1);
    expect(await db.events.count()).toBe(1);
    expect([...store.map.keys()]).toEqual(['other-key']);
  });
});

describe('incremental live view', () => {
  it('attack: 3,000-click burst through the panel queue → nothing lost, order kept, the state read from one row per check', async () => {
    const db = freshDb();
    const journal = new Journal(db);
    await openSession(journal);
    const queue = new TickQueue(journal, new Outbox(new MemoryStore()), Date.now, 0);
    const checks = ['dinh-danh', 'so-hoa', 'luu-ket-qua', 'thanh-toan', 'vneid-muc-2'];
    const results = await Promise.all(Array.from({ length: 3000 }, (_, i) => queue.submit(SID, checks[i % 5], i % 4 === 3 ? 'cleared' : 'done', undefined, me)));
    expect(results.every((r) => r === null)).toBe(true);
    expect(await db.events.count()).toBe(3000);
    // One current row per check, equal to what the whole log says.
    expect(await db.current.where('sessionId').equals(SID).count()).toBe(5);
    expect(await journal.stateOf(SID)).toEqual(deriveState(await journal.eventsOf(SID)));
    // The last click on each check decides: i = 2995 (dinh-danh) and 2999 (vneid-muc-2) are "cleared", 2996–2998 "done".
    expect([...(await journal.stateOf(SID)).keys()].sort()).toEqual(['luu-ket-qua', 'so-hoa', 'thanh-toan']);
  });
});

describe('two pages, one outbox', () => {
  it("attack: a second panel opens while the first is still writing and replays its outbox → every tick stored once, neither page shows a failure", async () => {
    for (const replayFirst of [false, true]) {
      const db = freshDb();
      const store = new MemoryStore();
      const a = new TickQueue(new Journal(db), new Outbox(store), Date.now, 0);
      const b = new TickQueue(new Journal(db), new Outbox(store), Date.now, 0);
      const clicks: Promise<unknown>[] = [];
      let replayed: Promise<{ saved: number; failed: number }> | undefined;
      if (replayFirst) for (let i = 0; i < 5; i++) store.setItem(`${OUTBOX_PREFIX}pre-${i}`, JSON.stringify({ id: `pre-${i}`, sessionId: SID, checkId: 'so-hoa', state: 'done', ctx: me, clickedAt: Date.now() - 1000 + i }));
      for (let i = 0; i < 20; i++) {
        clicks.push(a.submit(SID, i % 2 ? 'dinh-danh' : 'so-hoa', 'done', undefined, me));
        if (i === 3) replayed = b.replay();
      }
      if (replayFirst) clicks.push(a.replay());
      const results = await Promise.all([...clicks, replayed]);
      expect(results.filter((r) => r && typeof r === 'object' && 'kind' in r)).toEqual([]);
      expect((await replayed)?.failed).toBe(0);
      expect(await db.events.count()).toBe(replayFirst ? 25 : 20);
      expect(store.length).toBe(0);
    }
  });
});
