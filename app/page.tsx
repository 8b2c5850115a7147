import { Chat } from '@/components/chat/chat';
import { SetupBanner } from '@/components/setup-banner';
import { env } from '@/lib/env';

export const dynamic = 'force-dynamic';

export default function HomePage() {
  const configured = Boolean(env.groq.apiKey || env.openai.apiKey);
  return (
    <div className="flex h-dvh flex-col">
      <header className="flex items-center gap-3 border-b border-zinc-200 px-4 py-2 dark:border-zinc-800">
        <span aria-hidden className="text-xl">🔥</span>
        <h1 className="text-base font-semibold tracking-tight">Flint</h1>
      </header>
      <SetupBanner demo={env.demo} configured={configured} />
      <Chat configured={configured} />
    </div>
  );
}
