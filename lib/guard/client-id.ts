import { isIP } from 'node:net';

/**
 * Who a request comes from, for per-client limits.
 *
 * A Next route handler has no socket. What Next 16.4 does (node_modules/next/dist/server/base-server.js,
 * in handleRequestImpl): `req.headers['x-forwarded-for'] ??= originalRequest.socket.remoteAddress`.
 * It does not append: it writes the socket address only when the header is absent. So without a
 * proxy, a request that sent no X-Forwarded-For arrives with exactly one hop, the socket address; a
 * request that did send one keeps the client's own text and the socket address is lost. Without
 * FLINT_TRUST_PROXY we therefore take the LAST hop (the one nearest to us; it is Next's when the
 * client sent none), and accept that a client facing Next directly can choose its own identity.
 * Behind a proxy that overwrites X-Forwarded-For, set FLINT_TRUST_PROXY=1 to take the FIRST hop.
 */
export function clientIdFrom(headers: Headers, trustProxy: boolean): string {
  const hops = (headers.get('x-forwarded-for') ?? '').split(',').map((hop) => hop.trim()).filter(Boolean);
  const hop = trustProxy ? hops[0] : hops.at(-1);
  return normalise(hop);
}

function normalise(hop: string | undefined): string {
  if (hop === undefined) return 'unknown';
  // Node reports IPv4 clients of a dual-stack socket as ::ffff:1.2.3.4; count them once.
  const address = hop.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1').replace(/^\[(.*)\]$/, '$1');
  return isIP(address) === 0 ? 'unknown' : address.toLowerCase();
}
