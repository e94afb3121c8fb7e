/**
 * Records keyed by the author's ids or by values read from an LMS. A plain object inherits
 * `constructor`, `toString`, `valueOf`…, and `__proto__` sets its prototype: ids with those names
 * would read a built-in function or vanish. These records have no prototype, are read through
 * `own` and written through `setOwn`, so any id is only a name. Pure code: both sides import it.
 */

/** An empty record with no prototype. */
export const record = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;

/** The record's own value under `key`; never an inherited one. */
export const own = <T>(values: Readonly<Record<string, T>>, key: string): T | undefined => (Object.hasOwn(values, key) ? values[key] : undefined);

/** Sets an own, enumerable value, even under `__proto__` and in a record that has a prototype. */
export function setOwn<T>(values: Record<string, T>, key: string, value: T): T {
  Object.defineProperty(values, key, { value, enumerable: true, writable: true, configurable: true });
  return value;
}
