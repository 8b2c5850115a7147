// groq-sdk with baseURL http://HOST calls /openai/v1/...: Flint answers there as a drop-in Groq endpoint.
export { POST } from '@/app/v1/chat/completions/route';
