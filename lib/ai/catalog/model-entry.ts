/** A provider Flint can call; Groq is primary, OpenAI (or any Chat Completions server) is the backup. */
export type ProviderName = 'groq' | 'openai';

/** What a model is for: chat tiers, images, or speech to text. */
export type ModelTier = 'speed' | 'quality' | 'vision' | 'audio';

/** Token prices for chat models, per audio hour for transcription models (USD). */
export type ModelPrice = { inputPerMillion: number; outputPerMillion: number } | { perAudioHour: number };

/** Groq's built-in tools, run by Groq inside the request. */
export type GroqServerTool = 'browser_search' | 'code_interpreter';

/**
 * How a model honours a JSON Schema: `strict` is constrained decoding (always valid),
 * `json_mode` gives JSON that must be validated (best-effort json_schema or json_object).
 */
export type StructuredOutputSupport = 'strict' | 'json_mode';

/** What a model can take and do; routing filters on these flags, never on ids. */
export interface ModelCapabilities {
  text: boolean;
  tools: boolean;
  json: boolean;
  vision: boolean;
  audio: boolean;
  reasoning: boolean;
  /** Groq built-in tools the model can run; none when absent. */
  serverTools?: readonly GroqServerTool[];
  /** How JSON output is obtained; absent for models without JSON output. */
  structuredOutputs?: StructuredOutputSupport;
}

/** One model of the catalog, as data. */
export interface ModelEntry {
  id: string;
  provider: ProviderName;
  /** Short display name, e.g. `gpt-oss-20b`. */
  label: string;
  tier: ModelTier;
  /** Tokens of prompt plus reply; 0 for transcription models. */
  contextWindow: number;
  maxOutput: number;
  /** Typical output speed; 0 when unknown. */
  tokensPerSecond: number;
  price: ModelPrice;
  capabilities: ModelCapabilities;
}
