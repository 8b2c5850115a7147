import type { JSONSchema7, JSONValue, LanguageModelV4CallOptions, LanguageModelV4Message } from '@ai-sdk/provider';
import { estimateTokens } from '@/lib/ai/routing/estimate-tokens';
import type { ChatCompletionRequest } from './chat-completion-request';
import { GatewayError } from './openai-error';

/** A rough token cost of one image in the prompt (providers bill 85-1,500 depending on size). */
const tokensPerImage = 1000;

/** A request in the fallback chain's terms, and what it needs from a model. */
export interface TranslatedRequest {
  options: Omit<LanguageModelV4CallOptions, 'abortSignal'>;
  hasImages: boolean;
  needsTools: boolean;
  needsJson: boolean;
  estimatedPromptTokens: number;
}

type Content = string | Array<{ type: 'text'; text: string }>;
const textOf = (content: Content) => (typeof content === 'string' ? content : content.map((part) => part.text).join(''));

/** Translates an OpenAI chat completion request into LanguageModelV4 call options (no SDK in between). */
export function toCallOptions(request: ChatCompletionRequest): TranslatedRequest {
  let estimatedPromptTokens = 0;
  let hasImages = false;
  const toolNames = new Map<string, string>();
  const prompt: LanguageModelV4Message[] = request.messages.map((message, index): LanguageModelV4Message => {
    switch (message.role) {
      case 'system':
      case 'developer': {
        const text = textOf(message.content);
        estimatedPromptTokens += estimateTokens(text);
        return { role: 'system', content: text };
      }
      case 'user': {
        const parts = typeof message.content === 'string' ? [{ type: 'text' as const, text: message.content }] : message.content;
        return {
          role: 'user',
          content: parts.map((part) => {
            if (part.type === 'text') {
              estimatedPromptTokens += estimateTokens(part.text);
              return { type: 'text', text: part.text };
            }
            hasImages = true;
            estimatedPromptTokens += tokensPerImage;
            return imagePart(part.image_url.url, index);
          }),
        };
      }
      case 'assistant': {
        const text = message.content == null ? '' : textOf(message.content);
        estimatedPromptTokens += estimateTokens(text);
        const calls = (message.tool_calls ?? []).map((call) => {
          toolNames.set(call.id, call.function.name);
          estimatedPromptTokens += estimateTokens(call.function.arguments);
          return { type: 'tool-call' as const, toolCallId: call.id, toolName: call.function.name, input: call.function.arguments };
        });
        // gpt-oss reasoning sent back by the client goes to the provider again, as Groq accepts it.
        const reasoning = message.reasoning ? [{ type: 'reasoning' as const, text: message.reasoning }] : [];
        return { role: 'assistant', content: [...reasoning, ...(text === '' ? [] : [{ type: 'text' as const, text }]), ...calls] };
      }
      case 'tool': {
        const text = textOf(message.content);
        estimatedPromptTokens += estimateTokens(text);
        const toolName = toolNames.get(message.tool_call_id);
        if (toolName === undefined) {
          throw new GatewayError(400, 'invalid_request', `messages[${index}].tool_call_id matches no earlier assistant tool call.`, { param: `messages.${index}.tool_call_id` });
        }
        return { role: 'tool', content: [{ type: 'tool-result', toolCallId: message.tool_call_id, toolName, output: toolOutput(text) }] };
      }
    }
  });

  const tools = request.tools?.map((tool) => ({
    type: 'function' as const,
    name: tool.function.name,
    ...(tool.function.description === undefined ? {} : { description: tool.function.description }),
    inputSchema: (tool.function.parameters ?? { type: 'object', properties: {} }) as JSONSchema7,
  }));
  const format = request.response_format;
  const maxOutputTokens = request.max_completion_tokens ?? request.max_tokens ?? undefined;
  const stop = request.stop == null ? undefined : typeof request.stop === 'string' ? [request.stop] : request.stop;
  const groqOptions: Record<string, JSONValue> = {};
  if (request.reasoning_effort != null) groqOptions.reasoningEffort = request.reasoning_effort;
  if (request.reasoning_format != null) groqOptions.reasoningFormat = request.reasoning_format;
  if (format?.type === 'json_schema' && format.json_schema.strict !== true) groqOptions.strictJsonSchema = false;

  const options: TranslatedRequest['options'] = {
    prompt,
    ...(maxOutputTokens === undefined ? {} : { maxOutputTokens }),
    ...(request.temperature == null ? {} : { temperature: request.temperature }),
    ...(request.top_p == null ? {} : { topP: request.top_p }),
    ...(stop === undefined ? {} : { stopSequences: stop }),
    ...(request.seed == null ? {} : { seed: request.seed }),
    ...(tools === undefined || tools.length === 0 ? {} : { tools }),
    ...(request.tool_choice == null ? {} : { toolChoice: toolChoiceOf(request.tool_choice) }),
    ...(format == null || format.type === 'text'
      ? {}
      : format.type === 'json_object'
        ? { responseFormat: { type: 'json' as const } }
        : {
            responseFormat: {
              type: 'json' as const,
              name: format.json_schema.name,
              ...(format.json_schema.description === undefined ? {} : { description: format.json_schema.description }),
              ...(format.json_schema.schema === undefined ? {} : { schema: format.json_schema.schema as JSONSchema7 }),
            },
          }),
    ...(Object.keys(groqOptions).length === 0 ? {} : { providerOptions: { groq: groqOptions } }),
  };
  return {
    options,
    hasImages,
    needsTools: (tools?.length ?? 0) > 0,
    needsJson: format != null && format.type !== 'text',
    estimatedPromptTokens,
  };
}

function imagePart(url: string, index: number) {
  const data = /^data:(image\/[\w.+-]+);base64,(.*)$/s.exec(url);
  if (data) return { type: 'file' as const, mediaType: data[1]!, data: { type: 'data' as const, data: data[2]! } };
  if (/^https?:\/\//.test(url)) return { type: 'file' as const, mediaType: 'image/*', data: { type: 'url' as const, url: new URL(url) } };
  throw new GatewayError(400, 'invalid_image_url', `messages[${index}] has an image_url that is neither a data:image URL nor http(s).`, { param: `messages.${index}.content` });
}

// As text, so the provider receives the tool's output exactly as the client sent it.
function toolOutput(text: string) {
  return { type: 'text' as const, value: text };
}

function toolChoiceOf(choice: NonNullable<ChatCompletionRequest['tool_choice']>): NonNullable<LanguageModelV4CallOptions['toolChoice']> {
  if (typeof choice === 'string') return { type: choice };
  return { type: 'tool', toolName: choice.function.name };
}
