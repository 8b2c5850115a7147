// Gateway keys: npm run keys -- create|list|revoke (see lib/gateway/keys-cli.ts for the options).
import { env } from '../lib/env.ts';
import { openDatabase } from '../lib/db/open-database.ts';
import { localAdminToken } from '../lib/gateway/local-admin-token.ts';
import { runKeysCli } from '../lib/gateway/keys-cli.ts';

const code = await runKeysCli(process.argv.slice(2), {
  appUrl: (process.env.FLINT_APP_URL ?? `http://127.0.0.1:${env.port}`).replace(/\/+$/, ''),
  token: env.adminToken ?? (await localAdminToken(env.dataDir, { create: false })),
  sharedServer: env.databaseUrl !== undefined,
  openDatabase: () => openDatabase({ databaseUrl: env.databaseUrl, dataDir: env.dataDir }),
  print: (line) => console.log(line),
});
process.exit(code);
