import type { ModelEntry } from './model-entry';

const chat = { text: true, tools: true, json: true, audio: false } as const;
// gpt-oss: constrained decoding and Groq's built-in tools (PROVIDERS.md).
const gptOss = { vision: false, reasoning: true, structuredOutputs: 'strict', serverTools: ['browser_search', 'code_interpreter'] } as const;
const transcription = { text: false, tools: false, json: false, vision: false, audio: true, reasoning: false } as const;

/** Groq's live models (late 2026), with prices and limits from PROVIDERS.md. */
export const groqModels: readonly ModelEntry[] = [
  {
    id: 'openai/gpt-oss-20b',
    provider: 'groq',
    label: 'gpt-oss-20b',
    tier: 'speed',
    contextWindow: 131_072,
    maxOutput: 65_536,
    tokensPerSecond: 1000,
    price: { inputPerMillion: 0.075, outputPerMillion: 0.3 },
    capabilities: { ...chat, ...gptOss },
  },
  {
    id: 'openai/gpt-oss-120b',
    provider: 'groq',
    label: 'gpt-oss-120b',
    tier: 'quality',
    contextWindow: 131_072,
    maxOutput: 65_536,
    tokensPerSecond: 500,
    price: { inputPerMillion: 0.15, outputPerMillion: 0.6 },
    capabilities: { ...chat, ...gptOss },
  },
  {
    id: 'qwen/qwen3.8-27b',
    provider: 'groq',
    label: 'qwen3.8-27b',
    tier: 'vision',
    contextWindow: 131_072,
    maxOutput: 16_384,
    // Speed is not published for this preview model.
    tokensPerSecond: 0,
    // Preview price, marked unsure by the provider notes.
    price: { inputPerMillion: 0.8, outputPerMillion: 4 },
    capabilities: { ...chat, vision: true, reasoning: false, structuredOutputs: 'json_mode' },
  },
  {
    id: 'whisper-large-v3-turbo',
    provider: 'groq',
    label: 'whisper-large-v3-turbo',
    tier: 'audio',
    contextWindow: 0,
    maxOutput: 0,
    tokensPerSecond: 0,
    price: { perAudioHour: 0.04 },
    capabilities: transcription,
  },
  {
    id: 'whisper-large-v3',
    provider: 'groq',
    label: 'whisper-large-v3',
    tier: 'audio',
    contextWindow: 0,
    maxOutput: 0,
    tokensPerSecond: 0,
    price: { perAudioHour: 0.111 },
    capabilities: transcription,
  },
];
