import { invalidRequest } from './api-error.ts';
import type { ChatMessage, ChatRequest, ContentPart, JsonSchema, ResponseFormat, ToolCall, ToolDefinition } from './chat-request.ts';
import type { Provider } from './types.ts';

type Json = { [key: string]: unknown };

const roles = ['system', 'developer', 'user', 'assistant', 'tool'] as const;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function missing(provider: Provider, field: string) {
  if (provider === 'groq') return invalidRequest(`'${field}' : property '${field}' is missing`, field);
  if (field === 'model') return invalidRequest('you must provide a model parameter');
  return invalidRequest(`Missing required parameter: '${field}'.`, field, 'missing_required_parameter');
}

function parseParts(content: unknown, where: string): ContentPart[] {
  if (content === null || content === undefined) return [];
  if (typeof content === 'string') return [{ type: 'text', text: content }];
  if (!Array.isArray(content)) throw invalidRequest(`'${where}.content' : value must be a string or an array of content parts`, `${where}.content`);
  return content.map((part, index): ContentPart => {
    if (isObject(part) && part.type === 'text' && typeof part.text === 'string') return { type: 'text', text: part.text };
    if (isObject(part) && part.type === 'image_url' && isObject(part.image_url) && typeof part.image_url.url === 'string') {
      return { type: 'image_url', url: part.image_url.url };
    }
    throw invalidRequest(`'${where}.content.${index}' : unsupported content part`, `${where}.content.${index}`);
  });
}

function parseToolCalls(value: unknown): ToolCall[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isObject).map((call) => {
    const declared = isObject(call.function) ? call.function : {};
    return { id: String(call.id ?? ''), name: String(declared.name ?? ''), arguments: String(declared.arguments ?? '') };
  });
}

function parseMessages(provider: Provider, value: unknown): ChatMessage[] {
  if (!Array.isArray(value)) throw invalidRequest(`'messages' : value must be an array`, 'messages');
  if (value.length === 0) {
    throw provider === 'groq'
      ? invalidRequest(`'messages' : minimum number of items is 1`, 'messages')
      : invalidRequest("Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.", 'messages', 'empty_array');
  }
  return value.map((raw, index): ChatMessage => {
    const where = `messages.${index}`;
    if (!isObject(raw)) throw invalidRequest(`'${where}' : value must be an object`, where);
    const role = roles.find((candidate) => candidate === raw.role);
    if (!role) throw invalidRequest(`'${where}.role' : value must be one of ${roles.join(', ')}`, `${where}.role`);
    // Groq rejects the OpenAI `name` field outright.
    if (provider === 'groq' && raw.name !== undefined) {
      throw invalidRequest(`'${where}' : for 'role:${role}' the following must be satisfied[('${where}.name' : property 'name' is unsupported)]`, `${where}.name`);
    }
    return {
      role,
      parts: parseParts(raw.content, where),
      toolCalls: parseToolCalls(raw.tool_calls),
      toolCallId: typeof raw.tool_call_id === 'string' ? raw.tool_call_id : undefined,
    };
  });
}

function parseTools(value: unknown): ToolDefinition[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw invalidRequest(`'tools' : value must be an array`, 'tools');
  if (value.length > 128) throw invalidRequest(`'tools' : maximum number of items is 128`, 'tools');
  return value.filter(isObject).flatMap((tool) => {
    if (tool.type !== 'function' || !isObject(tool.function) || typeof tool.function.name !== 'string') return [];
    const parameters = isObject(tool.function.parameters) ? tool.function.parameters : { type: 'object', properties: {} };
    const description = typeof tool.function.description === 'string' ? tool.function.description : undefined;
    return [{ name: tool.function.name, description, parameters }];
  });
}

// Tool types other than `function`: Groq runs these itself; checkChatModel decides whether the model can.
function parseServerTools(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isObject).flatMap((tool) => (typeof tool.type === 'string' && tool.type !== 'function' ? [tool.type] : []));
}

function parseToolChoice(value: unknown): ChatRequest['toolChoice'] {
  if (value === 'none' || value === 'required' || value === 'auto') return value;
  if (isObject(value) && isObject(value.function) && typeof value.function.name === 'string') return { name: value.function.name };
  return 'auto';
}

function parseResponseFormat(value: unknown): ResponseFormat {
  if (!isObject(value) || value.type === 'text' || value.type === undefined) return { type: 'text' };
  if (value.type === 'json_object') return { type: 'json_object' };
  if (value.type === 'json_schema') {
    const spec = isObject(value.json_schema) ? value.json_schema : {};
    const schema: JsonSchema = isObject(spec.schema) ? spec.schema : {};
    // Groq's default is best effort (strict false); OpenAI's too.
    return { type: 'json_schema', name: String(spec.name ?? 'response'), schema, strict: spec.strict === true };
  }
  throw invalidRequest(`'response_format.type' : value must be one of text, json_object, json_schema`, 'response_format');
}

function rejectGroqOnly(body: Json): void {
  if (body.logprobs !== undefined && body.logprobs !== null && body.logprobs !== false) throw invalidRequest('`logprobs` is not supported', 'logprobs');
  if (body.logit_bias !== undefined && body.logit_bias !== null) throw invalidRequest('`logit_bias` is not supported', 'logit_bias');
  if (body.top_logprobs !== undefined && body.top_logprobs !== null) throw invalidRequest('`top_logprobs` is not supported', 'top_logprobs');
  if (body.n !== undefined && body.n !== null && body.n !== 1) throw invalidRequest("'n' : number must be at most 1", 'n');
}

function checkRanges(provider: Provider, body: Json): void {
  const temperature = body.temperature;
  if (temperature !== undefined && temperature !== null && (typeof temperature !== 'number' || temperature < 0 || temperature > 2)) {
    throw provider === 'groq'
      ? invalidRequest("'temperature' : number must be at most 2 and at least 0", 'temperature')
      : invalidRequest(`Invalid 'temperature': decimal out of range. Expected a value between 0 and 2, but got ${String(temperature)} instead.`, 'temperature', 'decimal_above_max_value');
  }
  if (Array.isArray(body.stop) && body.stop.length > 4) {
    throw provider === 'groq'
      ? invalidRequest("'stop' : maximum number of items is 4", 'stop')
      : invalidRequest(`Invalid 'stop': array too long. Expected an array with maximum length 4, but got an array with length ${body.stop.length} instead.`, 'stop', 'array_above_max_length');
  }
  if (provider === 'openai' && typeof body.n === 'number' && body.n !== 1) {
    throw invalidRequest("Flint's emulator only produces one choice; 'n' must be 1.", 'n');
  }
}

/** Validates a chat body the way the provider would, turning it into a ChatRequest or throwing a 400 ApiError. */
export function parseChatRequest(provider: Provider, body: unknown): ChatRequest {
  if (!isObject(body)) throw invalidRequest('We could not parse the JSON body of your request. The API expects a JSON object.');
  if (typeof body.model !== 'string' || body.model === '') throw missing(provider, 'model');
  if (body.messages === undefined) throw missing(provider, 'messages');
  if (provider === 'groq') rejectGroqOnly(body);
  checkRanges(provider, body);
  const maxTokens = body.max_completion_tokens ?? body.max_tokens;
  if (maxTokens !== undefined && maxTokens !== null && !(Number.isInteger(maxTokens) && (maxTokens as number) > 0)) {
    throw invalidRequest("'max_tokens' : number must be a positive integer", 'max_tokens');
  }
  const streamOptions = isObject(body.stream_options) ? body.stream_options : {};
  const stop = typeof body.stop === 'string' ? [body.stop] : Array.isArray(body.stop) ? body.stop.map(String) : [];
  return {
    model: body.model,
    messages: parseMessages(provider, body.messages),
    stream: body.stream === true,
    includeUsage: streamOptions.include_usage === true,
    maxTokens: typeof maxTokens === 'number' ? maxTokens : undefined,
    stop,
    tools: parseTools(body.tools),
    serverTools: parseServerTools(body.tools),
    toolChoice: parseToolChoice(body.tool_choice),
    parallelToolCalls: body.parallel_tool_calls !== false,
    responseFormat: parseResponseFormat(body.response_format),
    showReasoning: body.reasoning_format !== 'hidden' && body.include_reasoning !== false,
    serviceTier: typeof body.service_tier === 'string' ? body.service_tier : 'on_demand',
  };
}
