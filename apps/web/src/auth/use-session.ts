import { useContext } from 'react';
import { SessionContext } from './session-context.ts';
import type { Session } from '../api/types.ts';

/** The signed-in session; only valid under <RequireSession>. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === null) throw new Error('useSession outside <RequireSession>');
  return session;
}
