/** A JSON Schema as clients send it; read defensively, it is user input. */
export type JsonSchema = { [key: string]: unknown };

/** A part of a multi-part user message. */
export type ContentPart = { type: 'text'; text: string } | { type: 'image_url'; url: string };

/** A tool call as it appears in an assistant message or a reply. */
export type ToolCall = { id: string; name: string; arguments: string };

/** One chat message, normalised from the wire format. */
export type ChatMessage = {
  role: 'system' | 'developer' | 'user' | 'assistant' | 'tool';
  parts: ContentPart[];
  toolCalls: ToolCall[];
  toolCallId?: string;
};

/** A function tool offered by the client. */
export type ToolDefinition = { name: string; description?: string; parameters: JsonSchema };

/** How the client wants the reply shaped. */
export type ResponseFormat =
  | { type: 'text' }
  | { type: 'json_object' }
  | { type: 'json_schema'; name: string; schema: JsonSchema; strict: boolean };

/** A Groq server-side tool run during the request, as `executed_tools` reports it. */
export type ExecutedTool = {
  index: number;
  type: string;
  arguments: string;
  output: string;
  search_results?: { results: Array<{ title: string; url: string; content: string; score: number }> };
};

/** A validated POST /chat/completions body. */
export type ChatRequest = {
  model: string;
  messages: ChatMessage[];
  stream: boolean;
  includeUsage: boolean;
  maxTokens?: number;
  stop: string[];
  tools: ToolDefinition[];
  /** Groq's built-in tools asked for (`tools: [{type: 'browser_search'}]`). */
  serverTools: string[];
  toolChoice: 'auto' | 'none' | 'required' | { name: string };
  parallelToolCalls: boolean;
  responseFormat: ResponseFormat;
  /** False when the client asked Groq to hide reasoning. */
  showReasoning: boolean;
  serviceTier: string;
};

/** The text of a message, images left out. */
export function messageText(message: ChatMessage): string {
  return message.parts.flatMap((part) => (part.type === 'text' ? [part.text] : [])).join('\n');
}
