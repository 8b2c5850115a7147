import type {
  JSONObject,
  JSONValue,
  LanguageModelV4CallOptions,
  LanguageModelV4Content,
  LanguageModelV4Middleware,
  LanguageModelV4StreamPart,
} from '@ai-sdk/provider';
import type { ModelEntry } from '@/lib/ai/catalog/model-entry';

// Groq reports gpt-oss tool runs by their harmony names; Flint's tool set uses the request types.
const toolNames: Record<string, string> = { 'browser.search': 'browser_search', browser_search: 'browser_search', python: 'code_interpreter', code_interpreter: 'code_interpreter' };

type ExecutedTool = { index?: unknown; type?: unknown; arguments?: unknown; output?: unknown; search_results?: unknown };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The `executed_tools` of a Groq message or delta, if any. */
function executedToolsOf(body: unknown, field: 'message' | 'delta'): ExecutedTool[] {
  if (!isRecord(body) || !Array.isArray(body.choices)) return [];
  const choice: unknown = body.choices[0];
  if (!isRecord(choice) || !isRecord(choice[field])) return [];
  const executed = choice[field].executed_tools;
  return Array.isArray(executed) ? executed.filter(isRecord) : [];
}

function parsedArguments(raw: unknown): JSONValue {
  if (typeof raw !== 'string') return {};
  try {
    return JSON.parse(raw) as JSONValue;
  } catch {
    return { raw };
  }
}

/** One Groq tool run as the SDK's provider-executed tool-call and tool-result parts. */
function toolParts(tool: ExecutedTool, id: string): [Extract<LanguageModelV4Content, { type: 'tool-call' }>, Extract<LanguageModelV4Content, { type: 'tool-result' }>] {
  const type = typeof tool.type === 'string' ? tool.type : 'unknown';
  const toolName = toolNames[type] ?? type;
  const input = typeof tool.arguments === 'string' ? tool.arguments : '{}';
  const result: JSONObject = { type, input: parsedArguments(tool.arguments), output: typeof tool.output === 'string' ? tool.output : '' };
  // Search results come from Groq's JSON, so they are JSON values already.
  if (isRecord(tool.search_results)) result.searchResults = tool.search_results as JSONObject;
  return [
    { type: 'tool-call', toolCallId: id, toolName, input, providerExecuted: true },
    { type: 'tool-result', toolCallId: id, toolName, result },
  ];
}

function supportedTools(entry: ModelEntry, params: LanguageModelV4CallOptions): LanguageModelV4CallOptions['tools'] {
  const allowed = entry.capabilities.serverTools ?? [];
  // Provider tools are named by their Groq type (groq.browser_search): keep those the model can run.
  return params.tools?.filter((tool) => tool.type !== 'provider' || allowed.some((name) => tool.id === `groq.${name}`));
}

/**
 * Per-candidate middleware for Groq's built-in tools: removes provider tools the model cannot run
 * (so one tool set can go through the whole fallback chain), and turns Groq's `executed_tools`,
 * which @ai-sdk/groq does not parse, into provider-executed tool-call and tool-result parts the
 * UI can show. Streaming reads them from raw chunks, which it requests and then hides again.
 */
export function serverToolsMiddleware(entry: ModelEntry): LanguageModelV4Middleware {
  const callerWantsRaw = new WeakSet<LanguageModelV4CallOptions>();
  return {
    specificationVersion: 'v4',
    transformParams: async ({ type, params }) => {
      const tools = supportedTools(entry, params);
      const transformed: LanguageModelV4CallOptions = { ...params, tools: tools?.length ? tools : undefined };
      if (tools?.length === 0) transformed.toolChoice = undefined;
      if (type === 'stream' && entry.provider === 'groq') {
        transformed.includeRawChunks = true;
        if (params.includeRawChunks) callerWantsRaw.add(transformed);
      }
      return transformed;
    },
    wrapGenerate: async ({ doGenerate }) => {
      const result = await doGenerate();
      const executed = executedToolsOf(result.response?.body, 'message');
      if (executed.length === 0) return result;
      const parts = executed.flatMap((tool, index) => toolParts(tool, `groq-tool-${index}`));
      return { ...result, content: [...parts, ...result.content] };
    },
    wrapStream: async ({ doStream, params }) => {
      const result = await doStream();
      if (entry.provider !== 'groq') return result;
      const keepRaw = callerWantsRaw.has(params);
      let seen = 0;
      const stream = result.stream.pipeThrough(
        new TransformStream<LanguageModelV4StreamPart, LanguageModelV4StreamPart>({
          transform(part, controller) {
            if (part.type !== 'raw') return controller.enqueue(part);
            for (const tool of executedToolsOf(part.rawValue, 'delta')) {
              for (const toolPart of toolParts(tool, `groq-tool-${seen}`)) controller.enqueue(toolPart);
              seen += 1;
            }
            if (keepRaw) controller.enqueue(part);
          },
        }),
      );
      return { ...result, stream };
    },
  };
}
