// The chat's fast path (issue 14): one step of model parts straight to UI message stream SSE bytes,
// byte-equal to streamText + toUIMessageStream + createUIMessageStreamResponse for the same parts.
// It carries plain text and reasoning chats only. Take the SDK path (streamText) when the request
// offers tools or may run several steps (stopWhen), asks for structured output, or the model can
// send sources or files: those parts need the SDK's tool loop and UI chunk mapping, and the fast
// path errors with FastPathUnsupportedError if one arrives anyway. Usage: build the prompt with
// modelPromptOf, call the (fallback) model's doStream, pipe its stream through toUIMessageSseStream
// and answer with uiMessageSseResponse.
export { FastPathUnsupportedError } from './fast-path-unsupported-error';
export { modelPromptOf } from './model-prompt';
export { toUIMessageSseStream, type MetadataEvent, type UIMessageSseOptions } from './ui-message-sse-stream';
export { uiMessageSseResponse } from './ui-message-sse-response';
