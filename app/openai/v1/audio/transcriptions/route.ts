// groq-sdk with baseURL http://HOST transcribes at /openai/v1/audio/transcriptions.
export { POST } from '@/app/v1/audio/transcriptions/route';
