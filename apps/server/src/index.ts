export { startFixloop } from './start-fixloop.ts';
export type { RunningFixloop, StartOptions } from './start-fixloop.ts';
export { openStorage } from './storage/open-storage.ts';
export { hashPassword, verifyPassword } from './bootstrap/password-hash.ts';
export { hashApiToken } from './bootstrap/bootstrap-accounts.ts';
export { JobHandlerRegistry, defaultJobHandlers } from './worker/job-handlers.ts';
export type { JobContext, JobHandler } from './worker/job-handlers.ts';
export { IngestBatcher } from './ingest/ingest-batcher.ts';
export type { IngestUnit, IngestBatcherStats } from './ingest/ingest-batcher.ts';
