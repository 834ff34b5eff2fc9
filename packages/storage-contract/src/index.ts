export { describeStorageContract } from './describe-storage-contract.ts';
export type { StorageSetup } from './storage-contract-context.ts';
export {
  batchOf,
  createTestProject,
  eventWrite,
  newEventId,
  timelineEntry,
  unique,
  writeOne,
} from './contract-fixtures.ts';
export type { WriteOptions } from './contract-fixtures.ts';
