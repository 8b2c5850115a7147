import 'server-only';
import { env } from '@/lib/env';

/** The app's health as /api/health reports it. */
export function healthReport() {
  const providers = {
    groq: { configured: Boolean(env.groq.apiKey), role: 'primary', baseURL: env.groq.baseURL },
    openai: { configured: Boolean(env.openai.apiKey), role: 'backup', baseURL: env.openai.baseURL },
  };
  const anyConfigured = providers.groq.configured || providers.openai.configured;
  return {
    status: anyConfigured ? 'ok' : 'unconfigured',
    demo: env.demo,
    message: anyConfigured ? undefined : 'No provider is configured: set GROQ_API_KEY, or run `npm run demo`.',
    providers,
  };
}
