import { fetchUpstreamChat } from '../../upstream';

/** The floor: the provider's bytes piped through a Next route, nothing parsed or re-encoded. */
export async function POST(request: Request) {
  const upstream = await fetchUpstreamChat(await request.json(), request.signal);
  return new Response(upstream.body, { status: upstream.status, headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache, no-transform' } });
}
