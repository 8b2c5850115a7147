// The front door of Flint's tools: what the chat service imports.
export { calculator } from './calculator';
export { builtInTools, chatTools, toolTimeoutMs, type ChatTools, type ChatToolsConfig } from './chat-tools';
export { createCurrentTime, currentTime } from './current-time';
export { evaluateExpression } from './evaluate-expression';
export { groqServerTools, type GroqServerTools } from './groq-server-tools';
export { loadMcpTools, type LoadedMcpTools, type McpServerTools } from './load-mcp-tools';
export { serverToolsMiddleware } from './server-tools-middleware';
export { ToolTimeoutError, withToolTimeout } from './with-tool-timeout';
