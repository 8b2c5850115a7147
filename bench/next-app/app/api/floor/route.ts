import { groqBaseURL, instructions, lastUserText, modelId } from '../../upstream';

/** The floor: the provider's bytes piped through a Next route, nothing parsed or re-encoded. */
export async function POST(request: Request) {
  const body = await request.json();
  const upstream = await fetch(`${groqBaseURL}/chat/completions`, {
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
    signal: request.signal,
  });
  return new Response(upstream.body, { status: upstream.status, headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache, no-transform' } });
}
