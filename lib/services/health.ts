import 'server-only';
import { env, type Env } from '@/lib/env';

/** The app's health as /api/health reports it: configured state per provider, never a key. */
export function healthReport(config: Env = env) {
  const providers = {
    groq: { configured: Boolean(config.groq.apiKey), role: 'primary', baseURL: config.groq.baseURL },
    openai: { configured: Boolean(config.openai.apiKey), role: 'backup', baseURL: config.openai.baseURL },
  };
  const anyConfigured = providers.groq.configured || providers.openai.configured;
  return {
    status: anyConfigured ? 'ok' : 'unconfigured',
    demo: config.demo,
    message: anyConfigured ? undefined : 'No provider is configured: set GROQ_API_KEY, or run `npm run demo`.',
    providers,
  };
}
