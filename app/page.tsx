import { ChatApp } from '@/components/chat/chat-app';
import { SetupBanner } from '@/components/setup-banner';
import { env } from '@/lib/env';

export const dynamic = 'force-dynamic';

/** The chat page: the server decides only what the setup banner says; the rest runs in the browser. */
export default function HomePage() {
  const configured = Boolean(env.groq.apiKey || env.openai.apiKey);
  return <ChatApp configured={configured} banner={<SetupBanner demo={env.demo} configured={configured} />} />;
}
