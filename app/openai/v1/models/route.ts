// groq-sdk with baseURL http://HOST lists models at /openai/v1/models.
export { GET } from '@/app/v1/models/route';
