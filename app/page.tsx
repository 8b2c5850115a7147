import { headers } from 'next/headers';
import { ChatApp } from '@/components/chat/chat-app';
import { SessionGate } from '@/components/session/session-gate';
import { SetupBanner } from '@/components/setup-banner';
import { env } from '@/lib/env';
import { pageSessionState } from '@/lib/session/page-session-state';
import type { SessionState } from '@/lib/session/session-state';

export const dynamic = 'force-dynamic';

/** The chat page: the server decides what the setup banner says and, with FLINT_REQUIRE_KEY, whether to ask for a key; the rest runs in the browser. */
export default async function HomePage() {
  const configured = Boolean(env.groq.apiKey || env.openai.apiKey);
  // A database that cannot be read renders the form; the browser asks /api/session again, which says what failed.
  const session: SessionState = await pageSessionState(await headers()).catch(() => ({ required: true, signedIn: false }));
  return (
    <SessionGate initial={session}>
      <ChatApp configured={configured} banner={<SetupBanner demo={env.demo} configured={configured} />} />
    </SessionGate>
  );
}
