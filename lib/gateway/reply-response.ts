import type { GatewayReply } from '@/lib/services/gateway-chat';

/** The HTTP response of a gateway reply. */
export function replyResponse(reply: GatewayReply): Response {
  if ('stream' in reply) return new Response(reply.stream, { status: reply.status, headers: reply.headers });
  return Response.json(reply.json, { status: reply.status, headers: reply.headers });
}
