import { fetchUpstreamChat } from '../../upstream';

// A frame that carries a token: what /api/chat waits for before it answers.
const carriesToken = /"(?:content|reasoning)":"(?!")/;

/**
 * The floor holding its answer until the first token, as /api/chat must so that a call that fails
 * everywhere before its first token still gets a real status: the provider's bytes, piped, with the
 * status and headers sent together with the first token instead of before it. What this adds over
 * the floor is the price of that guarantee, with no other work.
 */
export async function POST(request: Request) {
  const upstream = await fetchUpstreamChat(await request.json(), request.signal);
  const headers = { 'content-type': 'text/event-stream', 'cache-control': 'no-cache, no-transform' };
  if (!upstream.ok || upstream.body === null) return new Response(upstream.body, { status: upstream.status, headers });
  const reader = upstream.body.getReader();
  const decoder = new TextDecoder();
  const held: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    held.push(value);
    if (carriesToken.test(decoder.decode(value, { stream: true }))) break;
  }
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of held) controller.enqueue(chunk);
      held.length = 0;
    },
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return new Response(stream, { status: 200, headers });
}
