'use client';

import { IconButton } from '@/components/ui/icon-button';
import { SignOutIcon } from '@/components/ui/icons';
import { usePageSession } from './session-context';

/** In the header of a signed-in page: whose key the chats are charged to, and Sign out. Nothing on an open page. */
export function SessionMenu() {
  const { state, signOut } = usePageSession();
  if (!state.signedIn) return null;
  return (
    <div className="flex min-w-0 items-center gap-1" data-testid="session-menu">
      <span className="hidden max-w-48 truncate text-sm text-zinc-600 sm:inline dark:text-zinc-400" title={`Chats are charged to the key ${state.key.prefix}…`}>
        {state.key.name}
      </span>
      <IconButton label={`Sign out (${state.key.name})`} onClick={() => void signOut()} data-testid="sign-out">
        <SignOutIcon />
      </IconButton>
    </div>
  );
}
