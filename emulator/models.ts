import type { DecommissionedModel, EmulatedModel } from './types.ts';

const developerLimits = { requests: 500_000, tokens: 300_000 };
const whisperLimits = { requests: 200_000, tokens: 1_000_000 };
const openaiLimits = { requests: 10_000, tokens: 2_000_000 };
const fourMegabytes = 4 * 1024 * 1024;

/** The default catalog: Groq's live models (late 2026) and a small OpenAI set. */
export const defaultModels: EmulatedModel[] = [
  {
    id: 'openai/gpt-oss-20b', provider: 'groq', kind: 'chat', created: 1754407957, ownedBy: 'OpenAI',
    contextWindow: 131_072, maxCompletionTokens: 65_536, inputModalities: ['text'], outputModalities: ['text'],
    supportedFeatures: ['tools', 'json_mode', 'structured_outputs', 'reasoning'], tokensPerSecond: 1000,
    limits: developerLimits, serverTools: ['browser_search', 'code_interpreter'],
  },
  {
    id: 'openai/gpt-oss-120b', provider: 'groq', kind: 'chat', created: 1754408224, ownedBy: 'OpenAI',
    contextWindow: 131_072, maxCompletionTokens: 65_536, inputModalities: ['text'], outputModalities: ['text'],
    supportedFeatures: ['tools', 'json_mode', 'structured_outputs', 'reasoning'], tokensPerSecond: 500,
    limits: developerLimits, serverTools: ['browser_search', 'code_interpreter'],
  },
  {
    id: 'qwen/qwen3.8-27b', provider: 'groq', kind: 'chat', created: 1789344000, ownedBy: 'Alibaba Cloud',
    contextWindow: 131_072, maxCompletionTokens: 16_384, inputModalities: ['text', 'image'], outputModalities: ['text'],
    supportedFeatures: ['tools', 'json_mode'], tokensPerSecond: 300, limits: developerLimits,
    vision: { maxImages: 5, maxBase64Bytes: fourMegabytes },
  },
  {
    id: 'whisper-large-v3-turbo', provider: 'groq', kind: 'transcription', created: 1728413088, ownedBy: 'OpenAI',
    contextWindow: 448, maxCompletionTokens: 448, inputModalities: ['audio'], outputModalities: ['text'],
    supportedFeatures: [], limits: whisperLimits, transcriptionFormats: ['json', 'verbose_json', 'text'],
  },
  {
    id: 'whisper-large-v3', provider: 'groq', kind: 'transcription', created: 1693721698, ownedBy: 'OpenAI',
    contextWindow: 448, maxCompletionTokens: 448, inputModalities: ['audio'], outputModalities: ['text'],
    supportedFeatures: [], limits: whisperLimits, transcriptionFormats: ['json', 'verbose_json', 'text'],
  },
  {
    id: 'gpt-4.1-mini', provider: 'openai', kind: 'chat', created: 1744318173, ownedBy: 'system',
    responseId: 'gpt-4.1-mini-2025-04-14', contextWindow: 1_047_576, maxCompletionTokens: 32_768,
    inputModalities: ['text', 'image'], outputModalities: ['text'],
    supportedFeatures: ['tools', 'json_mode', 'structured_outputs'], tokensPerSecond: 150, limits: openaiLimits,
    vision: { maxImages: 500, maxBase64Bytes: 50 * 1024 * 1024 },
  },
  {
    id: 'gpt-4.1', provider: 'openai', kind: 'chat', created: 1744316542, ownedBy: 'system',
    responseId: 'gpt-4.1-2025-04-14', contextWindow: 1_047_576, maxCompletionTokens: 32_768,
    inputModalities: ['text', 'image'], outputModalities: ['text'],
    supportedFeatures: ['tools', 'json_mode', 'structured_outputs'], tokensPerSecond: 90, limits: openaiLimits,
    vision: { maxImages: 500, maxBase64Bytes: 50 * 1024 * 1024 },
  },
  {
    id: 'whisper-1', provider: 'openai', kind: 'transcription', created: 1677532384, ownedBy: 'openai-internal',
    inputModalities: ['audio'], outputModalities: ['text'], supportedFeatures: [], limits: openaiLimits,
    transcriptionFormats: ['json', 'verbose_json', 'text'],
  },
  {
    id: 'gpt-4o-mini-transcribe', provider: 'openai', kind: 'transcription', created: 1742068596, ownedBy: 'system',
    inputModalities: ['audio'], outputModalities: ['text'], supportedFeatures: [], limits: openaiLimits,
    transcriptionFormats: ['json', 'text'],
  },
];

/** Groq ids shut down during 2025-2026, per PROVIDERS.md. */
export const decommissionedModels: DecommissionedModel[] = [
  { id: 'llama-3.1-8b-instant', shutDown: '2026-08-16', replacement: 'openai/gpt-oss-20b' },
  { id: 'llama-3.3-70b-versatile', shutDown: '2026-08-16', replacement: 'openai/gpt-oss-120b' },
  { id: 'meta-llama/llama-4-scout-17b-16e-instruct', shutDown: '2026-07-17', replacement: 'qwen/qwen3.8-27b' },
  { id: 'meta-llama/llama-4-maverick-17b-128e-instruct', shutDown: '2026-03-09', replacement: 'openai/gpt-oss-120b' },
  { id: 'qwen/qwen3-32b', shutDown: '2026-07-17', replacement: 'openai/gpt-oss-120b' },
  { id: 'qwen/qwen3.6-27b', shutDown: '2026-09-14', replacement: 'qwen/qwen3.8-27b' },
  { id: 'moonshotai/kimi-k2-instruct-0905', shutDown: '2026-04-15', replacement: 'openai/gpt-oss-120b' },
  { id: 'gemma2-9b-it', shutDown: '2025', replacement: 'openai/gpt-oss-20b' },
  { id: 'llama3-70b-8192', shutDown: '2025', replacement: 'openai/gpt-oss-120b' },
  { id: 'llama3-8b-8192', shutDown: '2025', replacement: 'openai/gpt-oss-20b' },
  { id: 'mixtral-8x7b-32768', shutDown: '2025', replacement: 'openai/gpt-oss-120b' },
  { id: 'distil-whisper-large-v3-en', shutDown: '2025-08-23', replacement: 'whisper-large-v3-turbo' },
];
