import type { ModelEntry } from './model-entry';

/** Which OpenAI (or OpenAI-compatible) models fill the backup slots. */
export interface OpenAIModelChoice {
  openaiChatModel?: string;
  openaiTranscriptionModel?: string;
}

/** The backup provider's chat and transcription entries; ids come from configuration. */
export function createOpenAIModels({
  openaiChatModel = 'gpt-4.1-mini',
  openaiTranscriptionModel = 'whisper-1',
}: OpenAIModelChoice = {}): ModelEntry[] {
  return [
    {
      id: openaiChatModel,
      provider: 'openai',
      label: openaiChatModel,
      // The backup answers every chat tier, so it is ranked with the quality models.
      tier: 'quality',
      contextWindow: 1_047_576,
      maxOutput: 32_768,
      tokensPerSecond: 100,
      price: { inputPerMillion: 0.4, outputPerMillion: 1.6 },
      // Any Chat Completions server can fill this slot, and not all of them decode strictly: validate.
      capabilities: { text: true, tools: true, json: true, vision: true, audio: false, reasoning: false, structuredOutputs: 'json_mode' },
    },
    {
      id: openaiTranscriptionModel,
      provider: 'openai',
      label: openaiTranscriptionModel,
      tier: 'audio',
      contextWindow: 0,
      maxOutput: 0,
      tokensPerSecond: 0,
      price: { perAudioHour: 0.36 },
      capabilities: { text: false, tools: false, json: false, vision: false, audio: true, reasoning: false },
    },
  ];
}
