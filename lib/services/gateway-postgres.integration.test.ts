// The gateway on a real Postgres server (DATABASE_URL), where concurrent requests really run on
// separate connections: budgets still hold, keys and the ledger work the same as on PGlite.
import { eq } from 'drizzle-orm';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { gatewayKeys, usageLedger } from '@/lib/db/schema';
import type { GatewayTestApp } from '@/lib/gateway/gateway-test-app';
import { startPostgres, type RunningPostgres } from '@/test/start-postgres';

vi.mock('server-only', () => ({}));

let postgres: RunningPostgres;
let gateway: GatewayTestApp;

beforeAll(async () => {
  postgres = await startPostgres();
  const { startGatewayTestApp } = await import('@/lib/gateway/gateway-test-app');
  gateway = await startGatewayTestApp({}, postgres.url);
}, 90_000);
afterAll(async () => {
  await gateway?.close();
  await postgres?.stop();
});

describe('the gateway on Postgres', () => {
  it('holds a small budget under 20 concurrent requests and records every admitted one', async () => {
    const { database, pendingWrites, reservationUsd, catalog } = await helpers();
    expect(database.kind).toBe('postgres');
    const budgetUsd = 0.0004;
    const secret = await gateway.createKey({ name: 'pg-small', budgetUsd, period: 'day' });
    const client = new OpenAI({ apiKey: secret, baseURL: `${gateway.app.url}/v1`, maxRetries: 0 });
    const body = { model: 'openai/gpt-oss-20b', max_tokens: 200, messages: [{ role: 'user' as const, content: 'Spend [emulate tokens=150]' }] };
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => client.chat.completions.create(body)));
    await pendingWrites();
    const admitted = results.filter((result) => result.status === 'fulfilled').length;
    expect(admitted).toBeGreaterThan(0);
    expect(admitted).toBeLessThan(20);
    // The dearest fallback of the chain prices one reservation.
    const oneReservation = reservationUsd(catalog.models.filter((entry) => entry.capabilities.text), 10, 200);
    const [row] = await database.db.select().from(gatewayKeys).where(eq(gatewayKeys.prefix, secret.slice(0, 12)));
    expect(row!.spendUsd).toBeLessThanOrEqual(budgetUsd + oneReservation);
    expect(row!.reservedUsd).toBeCloseTo(0, 12);
    const rows = await database.db.select().from(usageLedger).where(eq(usageLedger.keyPrefix, secret.slice(0, 12)));
    expect(rows).toHaveLength(20);
    expect(rows.filter((entry) => entry.status === 'ok')).toHaveLength(admitted);
  });
});

async function helpers() {
  const [{ sharedDatabase }, { pendingWrites }, { reservationUsd }, { runtime }] = await Promise.all([
    import('@/lib/db/shared-database'),
    import('@/lib/usage/pending-writes'),
    import('@/lib/gateway/reservation'),
    import('@/lib/server/runtime'),
  ]);
  return { database: await sharedDatabase(), pendingWrites, reservationUsd, catalog: runtime().catalog };
}
