/**
 * Typed text kept synchronously on this computer (localStorage of the extension's
 * pages) until the store it belongs to has it: a page closed mid-typing loses
 * nothing. Also the panel's active named session per tab and procedure.
 * Plain TypeScript: the storage is passed in (Node tests use a Map).
 */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const PREFIX = 'da06.draft.';

function safe<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    // Storage blocked or full: the text is still in the field and sent to its store.
    return fallback;
  }
}

export function createDrafts(store: KeyValueStore | undefined) {
  const key = (parts: readonly (string | number)[]) => PREFIX + parts.map((p) => encodeURIComponent(String(p))).join('|');
  return {
    get(parts: readonly (string | number)[]): string | undefined {
      if (!store) return undefined;
      return safe(() => store.getItem(key(parts)) ?? undefined, undefined);
    },
    set(parts: readonly (string | number)[], value: string): void {
      if (store) safe(() => store.setItem(key(parts), value), undefined);
    },
    remove(parts: readonly (string | number)[]): void {
      if (store) safe(() => store.removeItem(key(parts)), undefined);
    },
  };
}

export type Drafts = ReturnType<typeof createDrafts>;

/** The extension page's localStorage, or nothing where there is none (Node, blocked storage). */
export function pageDrafts(): Drafts {
  return createDrafts(safe(() => (typeof localStorage === 'undefined' ? undefined : localStorage), undefined));
}

/** Local calendar day of a time, "2026-11-23": session names are unique per day. */
export function localDay(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** The session of these that has this label (spaces and case aside) and was created on the same local day. */
export function sameNameToday<S extends { label: string; createdAt: number }>(sessions: readonly S[], label: string, now: number): S | undefined {
  const norm = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
  const day = localDay(now);
  return sessions.find((s) => norm(s.label) === norm(label) && localDay(s.createdAt) === day);
}
