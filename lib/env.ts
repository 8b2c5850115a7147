import { z } from 'zod';

/** Treats an empty string like an unset variable (`OPENAI_BASE_URL=` must not break anything). */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema.optional());

const schema = z.object({
  GROQ_API_KEY: optional(z.string().trim()),
  GROQ_BASE_URL: optional(z.url({ message: 'must be a URL such as https://api.groq.com/openai/v1' })),
  OPENAI_API_KEY: optional(z.string().trim()),
  OPENAI_BASE_URL: optional(z.url({ message: 'must be a URL such as https://api.openai.com/v1' })),
  OPENAI_CHAT_MODEL: optional(z.string().trim()),
  OPENAI_TRANSCRIPTION_MODEL: optional(z.string().trim()),
  FLINT_DEMO: optional(z.enum(['0', '1', 'true', 'false'])),
  // Set by Next itself for each runtime its code is compiled for (instrumentation runs in both).
  PORT: optional(z.coerce.number().int().min(1).max(65535)),
  LOG_LEVEL: optional(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])),
  METRICS_TOKEN: optional(z.string().trim()),
  REDIS_URL: optional(z.url({ message: 'must be a URL such as redis://localhost:6379' })),
  FLINT_CACHE_TTL_S: optional(z.coerce.number().int().min(0)),
  FLINT_CACHE_MAX_MB: optional(z.coerce.number().positive()),
  FLINT_RATE_LIMIT: optional(z.coerce.number().int().min(0)),
  FLINT_MAX_STREAMS: optional(z.coerce.number().int().min(1)),
  FLINT_BREAKER_COOLDOWN_S: optional(z.coerce.number().positive()),
  FLINT_TRUST_PROXY: optional(z.enum(['0', '1', 'true', 'false'])),
  FLINT_GROQ_TOOLS: optional(z.string().regex(/^\s*[a-z_]+(\s*,\s*[a-z_]+)*\s*$/, { message: 'must be a comma-separated list such as browser_search,code_interpreter' })),
  FLINT_MCP_SERVERS: optional(z.string().refine((value) => list(value).every((url) => URL.canParse(url) && /^https?:\/\//i.test(url)), { message: 'must be comma-separated http(s) URLs of MCP servers' })),
  DATABASE_URL: optional(z.string().trim().regex(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// URL' })),
  FLINT_DATA_DIR: optional(z.string().trim()),
  FLINT_ADMIN_TOKEN: optional(z.string().trim().min(16, { message: 'must be at least 16 characters' })),
  FLINT_REQUIRE_KEY: optional(z.enum(['0', '1', 'true', 'false'])),
});

/** Splits a comma-separated variable into trimmed, non-empty items. */
function list(value: string | undefined): string[] {
  return (value ?? '').split(',').map((item) => item.trim()).filter(Boolean);
}

export type Env = ReturnType<typeof parseEnv>;

/** Parses configuration once; a bad value stops start-up with a message naming the variable. */
export function parseEnv(source: Record<string, string | undefined>) {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Flint: invalid configuration\n${lines.join('\n')}\nSee .env.example.`);
  }
  const vars = parsed.data;
  return {
    demo: vars.FLINT_DEMO === '1' || vars.FLINT_DEMO === 'true',
    port: vars.PORT ?? 3000,
    tools: {
      /** Groq built-in tools to offer on models that run them. */
      groq: list(vars.FLINT_GROQ_TOOLS),
      /** Streamable-HTTP MCP servers whose tools the chat offers. */
      mcpServers: list(vars.FLINT_MCP_SERVERS),
    },
    /** A Postgres server when set; otherwise the embedded PGlite database in `dataDir`. */
    databaseUrl: vars.DATABASE_URL,
    dataDir: vars.FLINT_DATA_DIR ?? '.data',
    /** Guards the admin API and /usage; when unset, a token the app writes to `dataDir` serves local tools. */
    adminToken: vars.FLINT_ADMIN_TOKEN,
    /** The chat page asks for a gateway key (a session cookie) and charges its chats to it; else it is open to anyone. */
    requireKey: vars.FLINT_REQUIRE_KEY === '1' || vars.FLINT_REQUIRE_KEY === 'true',
    groq: {
      apiKey: vars.GROQ_API_KEY,
      baseURL: stripSlash(vars.GROQ_BASE_URL ?? 'https://api.groq.com/openai/v1'),
    },
    openai: {
      apiKey: vars.OPENAI_API_KEY,
      baseURL: stripSlash(vars.OPENAI_BASE_URL ?? 'https://api.openai.com/v1'),
      chatModel: vars.OPENAI_CHAT_MODEL ?? 'gpt-4.1-mini',
      transcriptionModel: vars.OPENAI_TRANSCRIPTION_MODEL ?? 'whisper-1',
    },
    /** How long a breaker opened by failures rests its model before probes may try it again. */
    breakerCooldownMs: Math.round((vars.FLINT_BREAKER_COOLDOWN_S ?? 30) * 1000),
    logLevel: vars.LOG_LEVEL ?? 'info',
    metricsToken: vars.METRICS_TOKEN,
    redisUrl: vars.REDIS_URL,
    cache: { ttlSeconds: vars.FLINT_CACHE_TTL_S ?? 300, maxBytes: Math.round((vars.FLINT_CACHE_MAX_MB ?? 32) * 1024 * 1024) },
    rateGuard: {
      perMinute: vars.FLINT_RATE_LIMIT ?? 30,
      maxStreams: vars.FLINT_MAX_STREAMS ?? 4,
      trustProxy: vars.FLINT_TRUST_PROXY === '1' || vars.FLINT_TRUST_PROXY === 'true',
    },
  };
}

function stripSlash(url: string) {
  return url.replace(/\/+$/, '');
}

/** The configuration of this process: the only place that reads `process.env`. */
export const env: Env = parseEnv(process.env);
