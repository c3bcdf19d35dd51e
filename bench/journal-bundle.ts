/**
 * Runs inside Chromium (bundled by bench/journal.ts): the real journal code
 * on the real IndexedDB.
 */
import Dexie, { liveQuery } from 'dexie';
import { quantile } from './stats';
import { JournalDb } from '../lib/journal/db';
import { deriveState, Journal } from '../lib/journal/journal';
import { Outbox } from '../lib/journal/outbox';
import { TickQueue } from '../lib/journal/queue';
import { importExportFiles } from '../lib/exchange/import';
import { buildExportFile } from '../lib/exchange/format';
import type { FilingSession, TickEvent } from '../lib/journal/db';

/** A bare store with the journal's event indexes, so ratios measure our code, not the indexes. */
function openRawStore(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => {
      const store = req.result.createObjectStore('events', { keyPath: 'id' });
      store.createIndex('sessionId', 'sessionId');
      store.createIndex('at', 'at');
      store.createIndex('sessionId+checkId', ['sessionId', 'checkId']);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function ticks(n: number) {
  await Dexie.delete('bench-journal');
  const db = new JournalDb('bench-journal');
  const journal = new Journal(db);
  const ctx = { staff: 'Bench', unit: 'ubnd-cap-xa', demo: false };
  await journal.ensureSession({ id: 's', procedureKey: 'code:1.001193', procedureName: 'Đăng ký khai sinh', label: 'Bench', checkIds: ['dinh-danh'] }, ctx);
  const ours: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await journal.tick('s', i % 2 ? 'dinh-danh' : 'so-hoa', i % 3 ? 'done' : 'na', undefined, ctx);
    ours.push(performance.now() - t0);
  }
  db.close();
  // The same number of single puts on a bare object store, each in its own transaction.
  const raw = await openRawStore('bench-raw');
  const rawTimes: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await new Promise<void>((resolve, reject) => {
      const tx = raw.transaction('events', 'readwrite');
      tx.objectStore('events').put({ id: `r${i}-${Math.random()}`, sessionId: 's', checkId: 'dinh-danh', state: 'done', staff: 'Bench', unit: 'u', at: Date.now(), demo: false });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    rawTimes.push(performance.now() - t0);
  }
  raw.close();
  ours.sort((a, b) => a - b);
  rawTimes.sort((a, b) => a - b);
  return { p50: quantile(ours, 0.5), p95: quantile(ours, 0.95), rawP50: quantile(rawTimes, 0.5), rawP95: quantile(rawTimes, 0.95) };
}

async function importFiles(files: number, perFile: number) {
  await Dexie.delete('bench-import');
  const texts: { name: string; text: string }[] = [];
  for (let f = 0; f < files; f++) {
    const sessions: FilingSession[] = [];
    const events: TickEvent[] = [];
    for (let i = 0; i < perFile; i++) {
      const sid = `dossier:code:1.001193:F${f}-${Math.floor(i / 10)}`;
      if (i % 10 === 0) sessions.push({ id: sid, procedureKey: 'code:1.001193', procedureCode: '1.001193', procedureName: 'Đăng ký khai sinh', label: sid, checkIds: ['dinh-danh', 'so-hoa'], staff: `Cán bộ ${f}`, unit: 'ubnd-cap-xa', createdAt: 1_760_000_000_000 + i * 1000, demo: false, origin: 'local' });
      events.push({ id: `f${f}-e${i}`, sessionId: sid, checkId: i % 2 ? 'dinh-danh' : 'so-hoa', state: 'done', staff: `Cán bộ ${f}`, unit: 'ubnd-cap-xa', at: 1_760_000_000_000 + i * 1000, demo: false });
    }
    const file = await buildExportFile({ sessions, events }, [], { staff: `Cán bộ ${f}`, unit: 'ubnd-cap-xa' }, {});
    texts.push({ name: `f${f}.json`, text: JSON.stringify(file) });
  }
  const db = new JournalDb('bench-import');
  const { parseExportFile } = await import('../lib/exchange/format');
  const p0 = performance.now();
  await parseExportFile(texts[0].text);
  const parseOne = performance.now() - p0;
  const t0 = performance.now();
  const outcomes = await importExportFiles(db, texts);
  const ms = performance.now() - t0;
  const count = await db.importedEvents.count();
  db.close();
  // Baseline: the same 100,000 records put raw, one transaction per file, same indexes.
  const raw = await openRawStore('bench-raw-bulk');
  const r0 = performance.now();
  for (const { text } of texts) {
    const events = (JSON.parse(text) as { events: { at: string }[] }).events.map((e) => ({ ...e, at: Date.parse(e.at) }));
    await new Promise<void>((resolve, reject) => {
      const tx = raw.transaction('events', 'readwrite');
      const store = tx.objectStore('events');
      for (const e of events) store.put(e);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  }
  const rawMs = performance.now() - r0;
  raw.close();
  return { ms, count, ok: outcomes.every((o) => o.status === 'imported'), parseOne, rawMs };
}

/**
 * A burst of n clicks on one filing while the panel's live query watches it.
 * "log", the panel before: one Journal.tick (one transaction) per click and a
 * live query over every tick of the filing (then deriveState), which Dexie
 * re-runs after each commit. "current", the panel now: clicks through the
 * TickQueue (localStorage outbox, group commit) and a live query over the
 * per-check rows (Journal.stateOf). Returns ticks per second from the first
 * click until the live query has shown the last one.
 */
async function drain(n: number, mode: 'log' | 'current') {
  const name = `bench-drain-${mode}`;
  await Dexie.delete(name);
  const db = new JournalDb(name);
  const journal = new Journal(db);
  const ctx = { staff: 'Bench', unit: 'ubnd-cap-xa', demo: false };
  const checks = ['dinh-danh', 'khong-yeu-cau-lai', 'so-hoa', 'luu-ket-qua', 'thanh-toan', 'vneid-muc-2', 'danh-gia-hai-long', 'bieu-mau-dien-tu', 'lien-thong-khai-sinh', 'custom-x'];
  await journal.ensureSession({ id: 's', procedureKey: 'code:1.001193', procedureName: 'Đăng ký khai sinh', label: 'Bench', checkIds: checks }, ctx);
  const lastId = `last-${n}`;
  let reads = 0;
  let resolveSeen: () => void = () => {};
  const seen = new Promise<void>((r) => (resolveSeen = r));
  const query = liveQuery(async () => {
    const state = mode === 'log' ? deriveState(await journal.eventsOf('s')) : await journal.stateOf('s');
    return state;
  });
  const sub = query.subscribe((state) => {
    reads++;
    // The last tick sets check 0 to "na" with a note only it carries.
    if (state.get(checks[0])?.note === lastId) resolveSeen();
  });
  const queue = new TickQueue(journal, new Outbox(localStorage), Date.now, 0);
  const click = (check: string, state: 'done' | 'na' | 'cleared', note?: string) =>
    mode === 'log' ? journal.tick('s', check, state, note, ctx) : queue.submit('s', check, state, note, ctx);
  const t0 = performance.now();
  const writes: Promise<unknown>[] = [];
  for (let i = 0; i < n - 1; i++) writes.push(click(checks[i % 10], i % 3 ? 'done' : 'cleared'));
  writes.push(click(checks[0], 'na', lastId));
  await Promise.all(writes);
  const written = performance.now() - t0;
  await seen;
  const ms = performance.now() - t0;
  sub.unsubscribe();
  db.close();
  await Dexie.delete(name);
  return { ms, written, rate: n / (ms / 1000), reads };
}

(globalThis as unknown as { __da06Journal: object }).__da06Journal = { ticks, importFiles, drain };
