/** Runs tasks one after another, so concurrent fetches or writes on one clone never fight over ref locks. */
export class SerialLock {
  private static readonly byKey = new Map<string, SerialLock>();
  private tail: Promise<unknown> = Promise.resolve();

  /** One lock per clone folder in this process: two projects on one repository share the clone. */
  static for(key: string): SerialLock {
    let lock = SerialLock.byKey.get(key);
    if (!lock) {
      lock = new SerialLock();
      SerialLock.byKey.set(key, lock);
    }
    return lock;
  }

  run<T>(task: () => Promise<T>): Promise<T> {
    const next = this.tail.then(task, task);
    this.tail = next.catch(() => undefined);
    return next;
  }
}
