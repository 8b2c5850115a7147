import { groqBaseURL } from '../../upstream';

/** /v1's floor: an OpenAI-format request forwarded as it came and the provider's bytes piped back. */
export async function POST(request: Request) {
  const upstream = await fetch(`${groqBaseURL}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer gsk_bench' },
    body: await request.text(),
    signal: request.signal,
  });
  return new Response(upstream.body, { status: upstream.status, headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache, no-transform' } });
}
