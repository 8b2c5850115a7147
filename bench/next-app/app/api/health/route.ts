/** GET /api/health: up, for bench/main.ts to wait on. */
export function GET() {
  return Response.json({ ok: true });
}
