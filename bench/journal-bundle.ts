/**
 * Runs inside Chromium (bundled by bench/journal.ts): the real journal code
 * on the real IndexedDB.
 */
import Dexie from 'dexie';
import { quantile } from './stats';
import { JournalDb } from '../lib/journal/db';
import { Journal } from '../lib/journal/journal';
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
  const count = await db.events.count();
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

(globalThis as unknown as { __da06Journal: object }).__da06Journal = { ticks, importFiles };
