import type { LoginSession } from '../accounts/account.ts';

/** Dashboard login sessions, keyed by the hash of the cookie value. */
export interface SessionStore {
  createSession(session: LoginSession): Promise<void>;
  findSession(idHash: string): Promise<LoginSession | null>;
  /** Slides the expiry of a session that is in use. */
  touchSession(idHash: string, lastSeenAt: Date, expiresAt: Date): Promise<void>;
  deleteSession(idHash: string): Promise<boolean>;
  /** Revokes every session of a user except `exceptIdHash`; returns how many were revoked. */
  deleteUserSessions(userId: number, exceptIdHash?: string): Promise<number>;
  deleteExpiredSessions(now: Date): Promise<number>;
}
