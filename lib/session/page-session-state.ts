import { env } from '../env.ts';
import { sessionKeyOf } from './session-key-of.ts';
import type { SessionState } from './session-state.ts';

/** The session state of a request's cookie: what GET /api/session answers and the chat page renders with. */
export async function pageSessionState(headers: { get(name: string): string | null }, requireKey = env.requireKey): Promise<SessionState> {
  if (!requireKey) return { required: false, signedIn: false };
  const key = await sessionKeyOf(headers);
  return key === undefined ? { required: true, signedIn: false } : { required: true, signedIn: true, key: { name: key.name, prefix: key.prefix } };
}
