// The chat's fast path: model parts straight to UI message stream SSE bytes (issue 14).
export { FastPathUnsupportedError } from './fast-path-unsupported-error';
export { toUIMessageSseStream, type MetadataEvent, type UIMessageSseOptions } from './ui-message-sse-stream';
export { uiMessageSseResponse } from './ui-message-sse-response';
export { modelPromptOf } from './model-prompt';
