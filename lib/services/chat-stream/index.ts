// The chat's fast path (issue 14): model parts straight to UI message stream SSE bytes, byte-equal
// to streamText + toUIMessageStream + createUIMessageStreamResponse for the same parts.
// streamChatSteps is the whole reply, tool steps included (tools parsed, validated and executed,
// next-step prompts built with the SDK's own conversion, a step cap): the path for every chat.
// toUIMessageSseStream is the single-step text-and-reasoning mapper it grew from (one model stream
// in, SSE out); it refuses tool parts with FastPathUnsupportedError.
export { FastPathUnsupportedError } from './fast-path-unsupported-error';
export { modelPromptOf } from './model-prompt';
export { ToolTimeoutError } from './run-tool-call';
export type { ChatStepsOptions, StepEnd, StepsMetadataEvent } from './chat-steps-options';
export { streamChatSteps } from './stream-chat-steps';
export { toUIMessageSseStream, type MetadataEvent, type UIMessageSseOptions } from './ui-message-sse-stream';
export { uiMessageSseResponse } from './ui-message-sse-response';
