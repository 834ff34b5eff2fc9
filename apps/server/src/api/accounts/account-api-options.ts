import type { SessionManager } from './session-manager.ts';

/** What the accounts and organizations routes need beyond the shared ApiServices. */
export interface AccountApiOptions {
  sessions: SessionManager;
  /** Take X-Forwarded-For as the client address (for the login limiter). */
  trustProxy: boolean;
  /** Ingest caches keys and project settings; call after changing either. */
  invalidateIngestCache(): void;
}
