/**
 * A bounded cache that keeps recently used entries, in two generations: hits in the young map cost
 * one lookup (no reordering), hits in the old map promote the entry, and when the young map is full
 * it becomes the old one and the previous old one is dropped. Holds at most `capacity` entries and
 * keeps anything used within the last `capacity / 2` insertions. Used to keep grouping work for
 * stack traces and messages that arrive again and again, with memory bounded whatever clients send.
 */
export class BoundedLru<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();
  private readonly generation: number;

  constructor(readonly capacity: number) {
    this.generation = Math.max(1, Math.floor(capacity / 2));
  }

  get size(): number {
    return this.young.size + this.old.size;
  }

  get(key: K): V | undefined {
    const value = this.young.get(key);
    if (value !== undefined) return value;
    const aged = this.old.get(key);
    if (aged !== undefined) {
      this.old.delete(key);
      this.insert(key, aged);
    }
    return aged;
  }

  set(key: K, value: V): void {
    this.old.delete(key);
    this.insert(key, value);
  }

  private insert(key: K, value: V): void {
    if (!this.young.has(key) && this.young.size >= this.generation) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }

  clear(): void {
    this.young.clear();
    this.old.clear();
  }
}
