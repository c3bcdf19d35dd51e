import { storage, type StorageItemKey, type WxtStorageItem } from 'wxt/utils/storage';

/**
 * A setting: one typed item in extension storage (WXT's @wxt-dev/storage), the
 * same in every context (background, content script, panel, options, report).
 *
 * - `version` + `migrations` upgrade a stored value in place (run once per
 *   context when the module loads; every step is idempotent);
 * - `adopt` moves a value that lived outside the item (an older key, the pages'
 *   localStorage) into it, only when the item holds nothing yet;
 * - `parse` validates what storage holds; anything unreadable reads as `fallback`.
 *
 * `get()` resolves once migrations and adoption are done; `current()` is the
 * value last read or seen in this context, so a view mounted later starts ready.
 */
export interface Setting<T> {
  readonly key: StorageItemKey;
  readonly fallback: T;
  get(): Promise<T>;
  set(value: T): Promise<void>;
  /** Called with each new value (validated); returns the unwatch function. */
  watch(onChange: (value: T) => void): () => void;
  /** The value last read or seen in this context; undefined before the first read. */
  current(): T | undefined;
  /** The underlying WXT storage item (tests, migrations). */
  readonly item: WxtStorageItem<unknown, Record<string, unknown>>;
}

export interface SettingOptions<T> {
  fallback: T;
  /** Current version of the stored shape; a value stored without a version is version 1. */
  version: number;
  /** Step n turns a version n-1 value into a version n value. */
  migrations?: Record<number, (old: unknown) => unknown | Promise<unknown>>;
  /** Validates a stored value; null when it cannot be read. */
  parse: (raw: unknown) => T | null;
  /** When nothing is stored: a value found elsewhere (older key, page storage), or null. Runs once per context. */
  adopt?: () => Promise<T | null>;
  /** After adoption: drop the old copy (only once the item holds a value). */
  forget?: () => void | Promise<void>;
}

export function defineSetting<T>(key: StorageItemKey, options: SettingOptions<T>): Setting<T> {
  const item = storage.defineItem<unknown>(key, {
    version: options.version,
    ...(options.migrations ? { migrations: options.migrations } : {}),
  });
  let last: T | undefined;
  const read = (raw: unknown): T => (raw === null || raw === undefined ? options.fallback : (options.parse(raw) ?? options.fallback));

  let adopted: Promise<void> | undefined;
  const adoptOnce = (): Promise<void> =>
    (adopted ??= (async () => {
      if (!options.adopt) return;
      if ((await item.getValue()) != null) return;
      const found = await options.adopt();
      // Written only if still empty: another page may have adopted or saved meanwhile.
      if (found !== null && (await item.getValue()) == null) await item.setValue(found);
      if (found !== null) await options.forget?.();
    })().catch((error: unknown) => console.error(`[settings] could not adopt ${key}`, error)));

  return {
    key,
    fallback: options.fallback,
    item,
    async get() {
      await adoptOnce();
      last = read(await item.getValue());
      return last;
    },
    async set(value) {
      await adoptOnce();
      last = value;
      await item.setValue(value);
    },
    watch(onChange) {
      return item.watch((raw) => {
        last = read(raw);
        onChange(last);
      });
    },
    current: () => last,
  };
}
