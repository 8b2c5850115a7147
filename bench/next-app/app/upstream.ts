import { createGroq } from '@ai-sdk/groq';

/** The emulator's Groq base URL, given by bench/main.ts when it starts this app. */
export const groqBaseURL = process.env.BENCH_GROQ_BASE_URL ?? 'http://127.0.0.1:4200/openai/v1';

export const instructions = 'You are Flint, a fast, friendly assistant. Answer clearly and concisely; use Markdown where it helps.';

/** The model every bench route asks: what the app's speed tier serves first. */
export const modelId = 'openai/gpt-oss-20b';

/** The same provider the app builds, without the app's chain, health or middleware. */
export const groq = createGroq({ apiKey: 'gsk_bench', baseURL: groqBaseURL });

/** The text of the last user message of a useChat body. */
export function lastUserText(body: { messages: Array<{ role: string; parts: Array<{ type: string; text?: string }> }> }): string {
  const last = body.messages.findLast((message) => message.role === 'user');
  return last?.parts.map((part) => part.text ?? '').join('') ?? '';
}

/** The floor's upstream call: the chat's last user text, with the app's instructions, streamed from the emulator's Groq. */
export function fetchUpstreamChat(body: Parameters<typeof lastUserText>[0], signal: AbortSignal): Promise<Response> {
  return fetch(`${groqBaseURL}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer gsk_bench' },
    body: JSON.stringify({
      model: modelId,
      stream: true,
      messages: [
        { role: 'system', content: instructions },
        { role: 'user', content: lastUserText(body) },
      ],
    }),
    signal,
  });
}
