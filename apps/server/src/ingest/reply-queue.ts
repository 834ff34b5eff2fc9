/**
 * The requests a worker thread has not answered yet, oldest first. A worker answers in the order it was
 * asked, so a ring buffer is enough, and it is kept instead of a Map on purpose: a Map that gains and
 * loses an entry per request keeps replacing its hash table, and a discarded table that had already
 * been promoted to V8's old generation still points at the requests that were in flight. Until the next
 * full GC those requests, and everything they reached, survived every scavenge: ~1 MB promoted per
 * scavenge on the main thread at 3,000 events/s (`--trace-gc-nvp`, docs/adr/0003). Here a slot is
 * cleared when its request is answered, and the array is only replaced when it grows.
 */
export class ReplyQueue<T> {
  private slots: (T | undefined)[];
  private ids: number[];
  private head = 0;
  private count = 0;

  constructor(initialCapacity = 64) {
    this.slots = new Array<T | undefined>(initialCapacity).fill(undefined);
    this.ids = new Array<number>(initialCapacity).fill(0);
  }

  get size(): number {
    return this.count;
  }

  /** Adds a request; ids must increase. */
  push(id: number, entry: T): void {
    if (this.count === this.slots.length) this.grow();
    const index = (this.head + this.count) % this.slots.length;
    this.slots[index] = entry;
    this.ids[index] = id;
    this.count += 1;
  }

  /**
   * Removes and returns the entry of an answered request. Answers come in order, so it is the oldest;
   * an id that is not the oldest (a worker that broke the order) returns undefined and changes nothing.
   */
  take(id: number): T | undefined {
    if (this.count === 0 || this.ids[this.head] !== id) return undefined;
    const entry = this.slots[this.head];
    this.slots[this.head] = undefined;
    this.head = (this.head + 1) % this.slots.length;
    this.count -= 1;
    return entry;
  }

  /** Removes and returns every entry, oldest first. */
  drain(): T[] {
    const out: T[] = [];
    while (this.count > 0) out.push(this.take(this.ids[this.head] as number) as T);
    return out;
  }

  private grow(): void {
    const slots = new Array<T | undefined>(this.slots.length * 2).fill(undefined);
    const ids = new Array<number>(this.slots.length * 2).fill(0);
    for (let i = 0; i < this.count; i++) {
      const from = (this.head + i) % this.slots.length;
      slots[i] = this.slots[from];
      ids[i] = this.ids[from] as number;
    }
    this.slots = slots;
    this.ids = ids;
    this.head = 0;
  }
}
