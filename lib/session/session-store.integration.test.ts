// Chat-page sessions on both engines: a token finds its live key, and stops finding it when the
// session ends, lapses, or its key is revoked.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bothEngines } from '@/test/both-engines';
import type { Database } from '@/lib/db/database';
import { gatewayKeys } from '@/lib/db/schema';
import { createKey, revokeKey } from '@/lib/gateway/key-store';
import { hashKey } from '@/lib/gateway/key-secret';
import { chatSessions } from './schema';
import { createSession, endSession, findSessionKey, sessionLifetimeSeconds } from './session-store';

const engines = bothEngines();

describe.each(engines)('chat sessions on %s', (_name, open) => {
  let database: Database;
  beforeAll(async () => {
    database = await open();
  }, 60_000);
  afterAll(() => database?.close());

  const newKey = async (name: string) => {
    const created = await createKey(database.db, { name, period: 'month', allowServerFallback: false });
    const [row] = await database.db.select().from(gatewayKeys).where(eq(gatewayKeys.prefix, created.summary.prefix));
    return { ...created, id: row!.id };
  };

  it('stores only the hash of the token and finds the key by the token until the session ends', async () => {
    const key = await newKey('session');
    const { token } = await createSession(database.db, key.id);
    const rows = await database.db.select().from(chatSessions).where(eq(chatSessions.keyId, key.id));
    expect(rows).toEqual([expect.objectContaining({ tokenHash: hashKey(token) })]);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect((await findSessionKey(database.db, token))?.name).toBe('session');
    expect(await findSessionKey(database.db, `${token.slice(0, -1)}x`)).toBeUndefined();
    await endSession(database.db, token);
    expect(await findSessionKey(database.db, token)).toBeUndefined();
  });

  it('finds nothing once the key is revoked or the session has lapsed, and sweeps lapsed sessions', async () => {
    const key = await newKey('revoked');
    const { token } = await createSession(database.db, key.id);
    expect(await revokeKey(database.db, key.summary.prefix)).toBe(true);
    expect(await findSessionKey(database.db, token)).toBeUndefined();

    const other = await newKey('lapses');
    const old = new Date(Date.now() - (sessionLifetimeSeconds + 60) * 1000);
    const lapsed = await createSession(database.db, other.id, old);
    expect(await findSessionKey(database.db, lapsed.token)).toBeUndefined();
    await createSession(database.db, other.id);
    expect(await database.db.select().from(chatSessions).where(eq(chatSessions.tokenHash, hashKey(lapsed.token)))).toEqual([]);
  });
});
