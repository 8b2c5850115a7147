import type { FlintUIMessage } from '@/lib/chat/message';

/** One message: its text, its reasoning (collapsed) and, for answers, which model served it. */
export function MessageView({ message, streaming }: { message: FlintUIMessage; streaming: boolean }) {
  const isUser = message.role === 'user';
  return (
    <li
      data-testid={isUser ? 'message-user' : 'message-assistant'}
      data-streaming={streaming || undefined}
      className={isUser ? 'self-end max-w-[85%] rounded-2xl bg-zinc-100 px-4 py-2 dark:bg-zinc-800' : 'max-w-full'}
    >
      <span className="sr-only">{isUser ? 'You said:' : 'Flint said:'}</span>
      {message.parts.map((part, index) => {
        if (part.type === 'text') {
          return <p key={index} className="whitespace-pre-wrap leading-relaxed">{part.text}</p>;
        }
        if (part.type === 'reasoning' && part.text) {
          return (
            <details key={index} className="mb-2 text-sm text-zinc-500">
              <summary className="cursor-pointer select-none">Thinking</summary>
              <p className="mt-1 whitespace-pre-wrap border-l-2 border-zinc-300 pl-3 dark:border-zinc-700">{part.text}</p>
            </details>
          );
        }
        return null;
      })}
      {!isUser && message.metadata?.model && (
        <p className="mt-1 text-xs text-zinc-500" data-testid="served-by">served by {message.metadata.model}</p>
      )}
    </li>
  );
}
