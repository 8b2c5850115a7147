import { parseArgs } from 'node:util';
import type { Database } from '../db/database.ts';
import { newKeySchema, type KeySummary } from './gateway-key.ts';
import { httpKeyCommands, type KeyCommands } from './key-commands.ts';
import { createKey, listKeys, revokeKey } from './key-store.ts';

/** Where the CLI finds the keys: the app's URL and admin token, and how to open the database itself. */
export interface KeysCliContext {
  appUrl: string;
  /** The admin token, when one exists (FLINT_ADMIN_TOKEN or the app's local token). */
  token: string | undefined;
  /** True when the database is a server every process may open (Postgres). */
  sharedServer: boolean;
  openDatabase(): Promise<Database>;
  print(line: string): void;
}

const usage = `usage: npm run keys -- create --name NAME [--budget-usd X] [--period day|month|total] [--rpm N] [--tpm N] [--models id,...] [--allow-server-fallback]
       npm run keys -- list [--json]
       npm run keys -- revoke PREFIX`;

/** Runs `keys create|list|revoke`; answers the process exit code. */
export async function runKeysCli(argv: string[], context: KeysCliContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      'budget-usd': { type: 'string' },
      period: { type: 'string' },
      rpm: { type: 'string' },
      tpm: { type: 'string' },
      models: { type: 'string' },
      'allow-server-fallback': { type: 'boolean' },
      json: { type: 'boolean' },
    },
  });
  const [command, argument] = positionals;
  if (command !== 'create' && command !== 'list' && command !== 'revoke') {
    context.print(usage);
    return 2;
  }
  const commands = await connect(context);
  try {
    if (command === 'create') {
      const parsed = newKeySchema.safeParse({
        name: values.name,
        budgetUsd: values['budget-usd'] === undefined ? undefined : Number(values['budget-usd']),
        period: values.period,
        rpm: values.rpm === undefined ? undefined : Number(values.rpm),
        tpm: values.tpm === undefined ? undefined : Number(values.tpm),
        models: values.models?.split(',').map((id) => id.trim()).filter(Boolean),
        allowServerFallback: values['allow-server-fallback'] ?? false,
      });
      if (!parsed.success) {
        context.print(`keys: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}\n${usage}`);
        return 2;
      }
      const { key, summary } = await commands.create(parsed.data);
      context.print(`Created key "${summary.name}" (${summary.prefix}). It is shown once; store it now:`);
      context.print(key);
      return 0;
    }
    if (command === 'list') {
      const keys = await commands.list();
      context.print(values.json ? JSON.stringify(keys, null, 2) : table(keys));
      return 0;
    }
    if (argument === undefined) {
      context.print(usage);
      return 2;
    }
    if (!(await commands.revoke(argument))) {
      context.print(`keys: no live key has the prefix ${argument}`);
      return 1;
    }
    context.print(`Revoked ${argument}`);
    return 0;
  } finally {
    await commands.close();
  }
}

/** The running app when it answers (it owns an embedded database), else the database directly. */
async function connect(context: KeysCliContext): Promise<KeyCommands> {
  if (!context.sharedServer && context.token !== undefined) {
    const running = await fetch(`${context.appUrl}/api/health`, { signal: AbortSignal.timeout(3000) }).then(
      () => true,
      () => false,
    );
    if (running) return httpKeyCommands(context.appUrl, context.token);
  }
  const database = await context.openDatabase();
  return {
    create: (key) => createKey(database.db, key),
    list: () => listKeys(database.db),
    revoke: (prefix) => revokeKey(database.db, prefix),
    close: () => database.close(),
  };
}

function table(keys: KeySummary[]): string {
  const header = ['NAME', 'PREFIX', 'SPEND', 'BUDGET', 'PERIOD', 'RPM', 'TPM', 'MODELS', 'LAST USED', 'STATUS'];
  const rows = keys.map((key) => [
    key.name,
    key.prefix,
    `$${key.spend_usd.toFixed(6)}`,
    key.budget_usd === null ? '-' : `$${key.budget_usd}`,
    key.period,
    key.rpm?.toString() ?? '-',
    key.tpm?.toString() ?? '-',
    key.models?.join(',') ?? 'all',
    key.last_used_at ?? 'never',
    key.revoked ? 'revoked' : 'live',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  return [header, ...rows].map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n');
}
