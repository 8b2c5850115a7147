'use client';

import { createContext, useContext } from 'react';
import type { SessionState } from '@/lib/session/session-state';

/** The page's session as its components see it, with the two ways it ends. */
export interface PageSession {
  state: SessionState;
  /** Signs out: ends the session on the server and shows the sign-in form. */
  signOut(): Promise<void>;
  /** The server refused the session (key revoked, session lapsed): shows the sign-in form saying so. */
  ended(): void;
}

const open: PageSession = { state: { required: false, signedIn: false }, signOut: async () => {}, ended: () => {} };

/** Provided by SessionGate; an open page (no key required) gets a session that never ends. */
export const SessionContext = createContext<PageSession>(open);

/** The page's session. */
export function usePageSession(): PageSession {
  return useContext(SessionContext);
}
