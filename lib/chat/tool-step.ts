import type { FlintUIMessage } from './message';

type Part = FlintUIMessage['parts'][number];

/** A tool call as the answer shows it: what ran, with what, and how it ended (or that it still runs). */
export type ToolStep = {
  id: string;
  name: string;
  status: 'running' | 'done' | 'error';
  /** Run by the provider (Groq's built-in tools), not by Flint. */
  byProvider: boolean;
  /** The input as short text: a lone string field as it is (`12*7+3`), anything else as JSON. */
  input: string | undefined;
  /** The output as text: an MCP result's text, Groq's tool output, a `result` field, else JSON. */
  output: string | undefined;
  error: string | undefined;
  /** Web results a search returned (http(s) links only). */
  sources: Array<{ title: string; url: string }>;
};

/** Output longer than this, or on several lines, is collapsed behind a disclosure. */
export const shortOutputChars = 120;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function json(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}

function inputText(input: unknown): string | undefined {
  if (input === undefined || input === null) return undefined;
  if (typeof input === 'string') return input;
  if (isRecord(input)) {
    const values = Object.values(input);
    if (values.length === 0) return undefined;
    if (values.length === 1 && typeof values[0] === 'string') return values[0];
  }
  return json(input);
}

function outputText(output: unknown): string | undefined {
  if (output === undefined || output === null) return undefined;
  if (typeof output === 'string') return output;
  if (isRecord(output)) {
    // MCP: { content: [{ type: 'text', text }] }
    if (Array.isArray(output.content)) {
      const texts = output.content.flatMap((item) => (isRecord(item) && typeof item.text === 'string' ? [item.text] : []));
      if (texts.length > 0) return texts.join('\n');
    }
    // Groq's executed tools (see serverToolsMiddleware): { type, input, output, searchResults }
    if (typeof output.output === 'string') return output.output;
    if (typeof output.result === 'string' || typeof output.result === 'number') return String(output.result);
  }
  return json(output);
}

function sourcesOf(output: unknown): ToolStep['sources'] {
  if (!isRecord(output) || !isRecord(output.searchResults) || !Array.isArray(output.searchResults.results)) return [];
  return output.searchResults.results.flatMap((result) => {
    if (!isRecord(result) || typeof result.url !== 'string' || !/^https?:\/\//i.test(result.url)) return [];
    return [{ title: typeof result.title === 'string' && result.title ? result.title : result.url, url: result.url }];
  });
}

/** The tool step a message part shows, or undefined for parts that are not tool calls. */
export function toolStepOf(part: Part): ToolStep | undefined {
  const isDynamic = part.type === 'dynamic-tool';
  if (!isDynamic && !part.type.startsWith('tool-')) return undefined;
  const tool = part as Part & { toolCallId: string; state: string; toolName?: string; input?: unknown; output?: unknown; errorText?: string; providerExecuted?: boolean };
  const name = isDynamic ? (tool.toolName ?? 'tool') : part.type.slice('tool-'.length);
  const status = tool.state === 'output-available' ? 'done' : tool.state === 'output-error' || tool.state === 'output-denied' ? 'error' : 'running';
  return {
    id: tool.toolCallId,
    name,
    status,
    byProvider: tool.providerExecuted === true,
    input: inputText(tool.input),
    output: status === 'done' ? outputText(tool.output) : undefined,
    // The SDK hands the model `Error: message`; the step already says it failed.
    error: status === 'error' ? (tool.errorText ?? (tool.state === 'output-denied' ? 'The tool call was denied.' : 'The tool failed.')).replace(/^Error: /, '') : undefined,
    sources: status === 'done' ? sourcesOf(tool.output) : [],
  };
}
