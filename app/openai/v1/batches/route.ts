// Groq's path prefix for the same API, so clients configured with a Groq-style base URL work too.
export { POST, GET } from '@/app/v1/batches/route';

export const dynamic = 'force-dynamic';
