import { z } from 'zod';
import { sharedDatabase } from '@/lib/db/shared-database';
import { FlintError } from '@/lib/errors';
import { isAdminRequest } from '@/lib/gateway/admin-token';
import { newKeySchema } from '@/lib/gateway/gateway-key';
import { createKey, listKeys, revokeKey } from '@/lib/gateway/key-store';
import { errorResponse, readJson } from '@/lib/http';
import { writesSoFar } from '@/lib/usage/pending-writes';

const revokeSchema = z.object({ prefix: z.string().trim().min(4) });

async function guarded(request: Request, work: () => Promise<Response>): Promise<Response> {
  try {
    if (!(await isAdminRequest(request.headers))) {
      return Response.json({ error: { code: 'unauthorized:admin', message: 'The admin token is missing or wrong.' } }, { status: 401 });
    }
    return await work();
  } catch (error) {
    return errorResponse(error);
  }
}

/** GET /api/admin/keys: every key (never a secret). */
export function GET(request: Request) {
  return guarded(request, async () => {
    // Spend is written behind (lib/gateway/budget-book.ts): a list shows every call answered before it.
    await writesSoFar();
    return Response.json(await listKeys((await sharedDatabase()).db));
  });
}

/** POST /api/admin/keys: creates a key and answers its secret, once. */
export function POST(request: Request) {
  return guarded(request, async () => {
    const body = await readJson(request, newKeySchema, 16_384);
    return Response.json(await createKey((await sharedDatabase()).db, body), { status: 201 });
  });
}

/** DELETE /api/admin/keys: revokes the key with `{ prefix }`. */
export function DELETE(request: Request) {
  return guarded(request, async () => {
    const { prefix } = await readJson(request, revokeSchema, 1024);
    if (!(await revokeKey((await sharedDatabase()).db, prefix))) {
      throw new FlintError('bad_request:api', { message: `No live key has the prefix ${prefix}.` });
    }
    return Response.json({ revoked: prefix });
  });
}
