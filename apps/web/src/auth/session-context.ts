import { createContext } from 'react';
import type { Session } from '../api/types.ts';

export const SessionContext = createContext<Session | null>(null);
