/**
 * Key–value storage for the durable queue and the state mirror: `localStorage` when the browser
 * lets us use it, else memory (sandboxed iframes and some private modes throw on access; the
 * course must still run, it just loses the across-reload guarantee).
 *
 *   browserStorage() → KeyValueStorage
 *   usableStorage(() => globalThis.sessionStorage) → the same probe for another Web Storage
 *   memoryStorage()  → KeyValueStorage (tests, fallback)
 */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  /** May throw when the quota is exceeded. */
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function memoryStorage(): KeyValueStorage {
  const values = new Map<string, string>();
  return {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, value),
    removeItem: (key) => void values.delete(key),
  };
}

export function browserStorage(): KeyValueStorage {
  return usableStorage(() => globalThis.localStorage);
}

/**
 * The Web Storage `open` returns if it can be written to (a probe item, removed at once), else
 * memory. `open` is called inside the try: merely reading `localStorage` throws in some frames.
 */
export function usableStorage(open: () => Storage): KeyValueStorage {
  try {
    const storage = open();
    const probe = '__parcours_probe__';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return storage;
  } catch {
    return memoryStorage();
  }
}
