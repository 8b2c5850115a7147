// Groq's path prefix for the same API, so clients configured with a Groq-style base URL work too.
export { GET } from '@/app/v1/batches/[id]/route';

export const dynamic = 'force-dynamic';
