import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { Storage } from '@fixloop/core';

export type StorageSetup = () => Promise<{ storage: Storage; teardown(): Promise<void> }>;

/**
 * A fresh, migrated storage for a describe block (`per: 'all'`) or for every test (`per: 'each'`).
 * Returns a getter because the storage only exists once the hook ran.
 */
export function useStorage(setup: StorageSetup, per: 'all' | 'each' = 'all'): () => Storage {
  let current: { storage: Storage; teardown(): Promise<void> } | undefined;
  const open = async () => {
    current = await setup();
    await current.storage.migrate();
  };
  const close = async () => {
    await current?.teardown();
    current = undefined;
  };
  if (per === 'all') {
    beforeAll(open);
    afterAll(close);
  } else {
    beforeEach(open);
    afterEach(close);
  }
  return () => {
    if (current === undefined) throw new Error('storage used outside of a test');
    return current.storage;
  };
}
