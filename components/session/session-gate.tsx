'use client';

import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { SessionState } from '@/lib/session/session-state';
import { SessionContext, type PageSession } from './session-context';
import { SignInScreen } from './sign-in-screen';

/** Why the form is shown: a first visit, a sign-out, or a session the server stopped accepting. */
export type SignInReason = 'new' | 'signed-out' | 'ended';

/**
 * Shows the chat page only to a signed-in browser when the server asks for a key (FLINT_REQUIRE_KEY),
 * else the sign-in form. The server renders with the cookie it saw; a page reached from a link on
 * another site gets no SameSite=Strict cookie on that first request, so a signed-out render asks once more.
 */
export function SessionGate({ initial, children }: { initial: SessionState; children: ReactNode }) {
  const [state, setState] = useState(initial);
  const [checking, setChecking] = useState(initial.required && !initial.signedIn);
  const [reason, setReason] = useState<SignInReason>('new');

  useEffect(() => {
    if (!checking) return;
    let current = true;
    void fetch('/api/session', { cache: 'no-store' })
      .then(async (response) => (response.ok ? ((await response.json()) as SessionState) : undefined))
      .catch(() => undefined)
      .then((checked) => {
        if (!current) return;
        if (checked?.signedIn) setState(checked);
        setChecking(false);
      });
    return () => {
      current = false;
    };
  }, [checking]);

  const signOut = useCallback(async () => {
    // The cookie is httpOnly: only the server can clear it. Signed out here even if that call fails.
    await fetch('/api/session', { method: 'DELETE' }).catch(() => undefined);
    setReason('signed-out');
    setState({ required: true, signedIn: false });
  }, []);
  const ended = useCallback(() => {
    setReason('ended');
    setState({ required: true, signedIn: false });
  }, []);
  const session = useMemo<PageSession>(() => ({ state, signOut, ended }), [state, signOut, ended]);

  if (state.required && !state.signedIn) {
    return <SignInScreen checking={checking} reason={reason} onSignedIn={(signedIn) => setState(signedIn)} />;
  }
  return <SessionContext value={session}>{children}</SessionContext>;
}
