import { FlintLogo } from '@/components/ui/flint-logo';
import type { SessionState } from '@/lib/session/session-state';
import type { SignInReason } from './session-gate';
import { SignInForm } from './sign-in-form';

type SignInScreenProps = { checking: boolean; reason: SignInReason; onSignedIn: (state: SessionState) => void };

/** The page a signed-out browser sees when the server asks for a key: the header and the sign-in form. */
export function SignInScreen({ checking, reason, onSignedIn }: SignInScreenProps) {
  return (
    <div className="flex h-dvh flex-col">
      <header className="flex items-center gap-2 border-b border-zinc-200 px-4 py-1.5 dark:border-zinc-800">
        <FlintLogo className="size-6" />
        <span className="py-1 text-base font-semibold tracking-tight">Flint</span>
      </header>
      <main className="flex flex-1 items-start justify-center overflow-y-auto px-4 pt-[10vh] pb-8" aria-busy={checking} data-testid="sign-in-screen">
        {checking ? <div className="h-72 w-full max-w-sm" /> : <SignInForm reason={reason} onSignedIn={onSignedIn} />}
      </main>
    </div>
  );
}
