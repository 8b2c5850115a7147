/** Groq's shut-down ids and the model that replaced each (a lookup table, never string matching). */
const replacements: Readonly<Record<string, string>> = {
  'llama-3.1-8b-instant': 'openai/gpt-oss-20b',
  'llama-3.3-70b-versatile': 'openai/gpt-oss-120b',
  'meta-llama/llama-4-scout-17b-16e-instruct': 'qwen/qwen3.8-27b',
  'meta-llama/llama-4-maverick-17b-128e-instruct': 'openai/gpt-oss-120b',
  'qwen/qwen3-32b': 'openai/gpt-oss-120b',
  'qwen/qwen3.6-27b': 'qwen/qwen3.8-27b',
  'moonshotai/kimi-k2-instruct-0905': 'openai/gpt-oss-120b',
  // The 2025 shut-downs were replaced by Llama 3.x, which has since been replaced in turn.
  'gemma2-9b-it': 'openai/gpt-oss-20b',
  'llama3-8b-8192': 'openai/gpt-oss-20b',
  'llama3-70b-8192': 'openai/gpt-oss-120b',
  'mixtral-8x7b-32768': 'openai/gpt-oss-120b',
  'distil-whisper-large-v3-en': 'whisper-large-v3-turbo',
};

/** Maps a decommissioned model id to its live replacement; other ids come back unchanged. */
export function resolveModelId(id: string): string {
  return Object.hasOwn(replacements, id) ? (replacements[id] ?? id) : id;
}
