/**
 * A map that keeps at most `capacity` entries and drops the least recently used one first. A
 * JavaScript Map iterates in insertion order, so moving an entry to the end on every read keeps
 * the least recently used entry first.
 */
export class BoundedCache<K, V> {
  readonly #entries = new Map<K, V>();

  constructor(readonly capacity: number) {}

  /** Number of entries. */
  get size(): number {
    return this.#entries.size;
  }

  /** Returns the value for `key`, marking it as the most recently used, or undefined. */
  get(key: K): V | undefined {
    const value = this.#entries.get(key);
    if (value !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, value);
    }
    return value;
  }

  /** Returns the value for `key`, computing and storing it with `create` when it is missing. */
  getOrCreate(key: K, create: () => V): V {
    if (this.#entries.has(key)) {
      const value = this.#entries.get(key) as V;
      this.#entries.delete(key);
      this.#entries.set(key, value);
      return value;
    }
    const value = create();
    this.#entries.set(key, value);
    if (this.#entries.size > this.capacity) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) {
        this.#entries.delete(oldest.value);
      }
    }
    return value;
  }
}
