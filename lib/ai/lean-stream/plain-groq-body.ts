import type { LanguageModelV4CallOptions } from '@ai-sdk/provider';

type GroqTool = { type: 'function'; function: { name: string; description?: string; parameters: unknown; strict?: boolean } };
type GroqToolChoice = 'auto' | 'none' | 'required' | { type: 'function'; function: { name: string } };

type GroqMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string | Array<{ type: 'text'; text: string }> }
  | { role: 'assistant'; content: string; reasoning?: string };

/** Options @ai-sdk/groq turns into request fields this builder does not write. */
const unsupported = ['topP', 'topK', 'frequencyPenalty', 'presencePenalty', 'stopSequences', 'seed', 'headers'] as const;

/**
 * The JSON body @ai-sdk/groq's doStream sends for a plain chat call (system, user and assistant text
 * and reasoning, function tools and a tool choice, an optional temperature and output cap, nothing
 * else), byte for byte; `undefined` for any other call, which the SDK then builds. Mirrors the SDK's
 * getArgs, prepareTools and convertToGroqChatMessages for that subset; plain-groq-body.test.ts holds
 * it to the SDK's bytes.
 */
export function plainGroqBody(modelId: string, options: LanguageModelV4CallOptions): string | undefined {
  if (options.responseFormat !== undefined && options.responseFormat.type !== 'text') return undefined;
  if (options.providerOptions?.groq !== undefined) return undefined;
  if (options.reasoning !== undefined && options.reasoning !== 'provider-default') return undefined;
  for (const option of unsupported) if (options[option] !== undefined) return undefined;
  const messages: GroqMessage[] = [];
  for (const message of options.prompt) {
    switch (message.role) {
      case 'system':
        messages.push({ role: 'system', content: message.content });
        break;
      case 'user': {
        const texts: Array<{ type: 'text'; text: string }> = [];
        for (const part of message.content) {
          if (part.type !== 'text') return undefined;
          texts.push({ type: 'text', text: part.text });
        }
        messages.push({ role: 'user', content: texts.length === 1 ? texts[0]!.text : texts });
        break;
      }
      case 'assistant': {
        let content = '';
        let reasoning = '';
        for (const part of message.content) {
          if (part.type === 'text') content += part.text;
          else if (part.type === 'reasoning') reasoning += part.text;
          else return undefined;
        }
        messages.push(reasoning.length > 0 ? { role: 'assistant', content, reasoning } : { role: 'assistant', content });
        break;
      }
      default:
        return undefined;
    }
  }
  let tools: GroqTool[] | undefined;
  let toolChoice: GroqToolChoice | undefined;
  if (options.tools !== undefined && options.tools.length > 0) {
    tools = [];
    for (const tool of options.tools) {
      if (tool.type !== 'function') return undefined;
      const definition = { name: tool.name, description: tool.description, parameters: tool.inputSchema };
      tools.push({ type: 'function', function: tool.strict == null ? definition : { ...definition, strict: tool.strict } });
    }
    const choice = options.toolChoice;
    if (choice?.type === 'tool') toolChoice = { type: 'function', function: { name: choice.toolName } };
    else if (choice !== undefined) toolChoice = choice.type;
  }
  const body = { model: modelId, max_tokens: options.maxOutputTokens, temperature: options.temperature, messages, tools, tool_choice: toolChoice, stream: true };
  return JSON.stringify(body);
}
