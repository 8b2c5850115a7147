/** Key names whose values never reach a log line: credentials and anything a user typed. */
const secretNames = ['authorization', 'proxy-authorization', 'x-api-key', 'api-key', 'api_key', 'apiKey', 'apikey', 'key', 'password', 'secret',
  'token', 'accessToken', 'access_token', 'cookie', 'set-cookie', 'prompt', 'prompts', 'messages', 'instructions', 'system', 'content', 'text'];
const secretKey = new RegExp(`^(${secretNames.map((name) => name.replace(/[-_]/g, '[-_]?')).join('|')})$`, 'i');

/** pino `redact` paths for the same names at the top level, which also covers child-logger bindings. */
export const redactPaths = secretNames.map((name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `["${name}"]`));

/** What a redacted value is replaced with. */
export const censor = '[redacted]';

/** Copies a log object with every secret-named key censored at any depth (pino's paths stop at one wildcard level). */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return value;
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [name, item] of Object.entries(value)) {
    copy[name] = secretKey.test(name) ? censor : redact(item, depth + 1);
  }
  return copy;
}
