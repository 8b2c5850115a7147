'use client';

import { useId, useRef, useState, type FormEvent } from 'react';
import { FlintLogo } from '@/components/ui/flint-logo';
import type { SessionState } from '@/lib/session/session-state';
import type { SignInReason } from './session-gate';

const notices: Record<SignInReason, string | undefined> = {
  new: undefined,
  'signed-out': 'You are signed out.',
  ended: 'Your session has ended: the key was revoked or the session expired. Sign in again to go on chatting.',
};

/**
 * Asks for a gateway key once; the server answers with a session cookie the page cannot read.
 * A refused key is said plainly next to the field (announced, and the field marked invalid).
 */
export function SignInForm({ reason, onSignedIn }: { reason: SignInReason; onSignedIn: (state: SessionState) => void }) {
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const ids = { input: useId(), hint: useId(), error: useId() };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (key.trim() === '') {
      setError('Enter your Flint key.');
      input.current?.focus();
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const response = await fetch('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ key: key.trim() }) });
      const body = (await response.json().catch(() => undefined)) as (SessionState & { error?: { message?: string } }) | undefined;
      if (response.ok && body?.signedIn) {
        onSignedIn(body);
        return;
      }
      setError(body?.error?.message ?? 'Flint could not sign you in. Try again in a moment.');
    } catch {
      setError('Flint could not reach the server. Check your connection and try again.');
    }
    setBusy(false);
    input.current?.select();
  }

  const notice = notices[reason];
  // The error is read first, then the hint.
  const describedBy = [error ? ids.error : undefined, ids.hint].filter(Boolean).join(' ');
  return (
    <form onSubmit={submit} noValidate className="w-full max-w-sm" data-testid="sign-in-form" aria-labelledby={`${ids.input}-title`}>
      <FlintLogo className="size-10" />
      <h1 id={`${ids.input}-title`} className="mt-3 text-xl font-semibold">
        Sign in to Flint
      </h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">This server asks for a Flint gateway key. Your chats are charged to it, within its budget and limits.</p>
      {notice && (
        <p role="status" data-testid="sign-in-notice" className="mt-4 rounded-lg border border-zinc-300 bg-zinc-50 px-3 py-2 text-sm text-zinc-800 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200">
          {notice}
        </p>
      )}
      <label htmlFor={ids.input} className="mt-6 block text-sm font-medium">
        Gateway key
      </label>
      <input
        id={ids.input}
        ref={input}
        type="password"
        name="key"
        value={key}
        onChange={(event) => setKey(event.target.value)}
        autoFocus
        autoComplete="current-password"
        autoCapitalize="none"
        spellCheck={false}
        placeholder="flk_…"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className="mt-1.5 block w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 font-mono text-base outline-none placeholder:text-zinc-500 focus-visible:border-orange-500 focus-visible:ring-2 focus-visible:ring-orange-500/60 aria-invalid:border-red-500 aria-invalid:focus-visible:border-red-500 aria-invalid:focus-visible:ring-red-500/50 dark:border-zinc-700 dark:bg-zinc-900 dark:placeholder:text-zinc-400"
      />
      {error && (
        <p id={ids.error} role="alert" data-testid="sign-in-error" className="mt-1.5 text-sm font-medium text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
      <p id={ids.hint} className="mt-1.5 text-xs text-zinc-600 dark:text-zinc-400">
        Checked once: this browser then keeps a session, not the key. No key? Ask whoever runs this Flint server.
      </p>
      <button
        type="submit"
        disabled={busy}
        className="mt-5 inline-flex w-full items-center justify-center rounded-lg bg-orange-700 px-4 py-2 text-sm font-medium text-white hover:bg-orange-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-orange-500 disabled:cursor-wait disabled:opacity-70"
      >
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
