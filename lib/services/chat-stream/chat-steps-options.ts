import type { LanguageModelV4 } from '@ai-sdk/provider';
import type { AssistantModelMessage, FinishReason, LanguageModelUsage, ModelMessage, ToolModelMessage, ToolSet } from 'ai';
import type { StreamEnd } from '../first-content';

/** When the message metadata is asked for: as the reply starts, and as its last step finishes. */
export type StepsMetadataEvent =
  | { type: 'start' }
  | { type: 'finish'; finishReason: FinishReason; usage: LanguageModelUsage; steps: number; /** The last model id the stream's response metadata named. */ modelId?: string };

/** One finished step, as the next step's prompt will carry it. */
export type StepEnd = {
  stepNumber: number;
  finishReason: FinishReason;
  usage: LanguageModelUsage;
  responseMessages: Array<AssistantModelMessage | ToolModelMessage>;
};

/** What streamChatSteps needs: the model (the fallback chain), the conversation, the tools and the UI stream's options. */
export type ChatStepsOptions = {
  model: LanguageModelV4;
  /** Instructions and model messages, as streamText takes them. */
  prompt: { instructions?: string; messages: ModelMessage[] };
  tools?: ToolSet;
  /** The step cap, like `stopWhen: stepCountIs(maxSteps)`; 1 when absent. */
  maxSteps?: number;
  abortSignal?: AbortSignal;
  /** Sampling temperature for every step, as streamText's `temperature`. */
  temperature?: number;
  /** false: a tool's error reaches the browser as the text the model saw, as toUIMessageStream's `redactToolErrors: false`. */
  redactToolErrors?: boolean;
  /** Metadata for the `start` and `finish` chunks, like toUIMessageStream's `messageMetadata`. */
  messageMetadata?: (event: StepsMetadataEvent) => unknown;
  /** The text the browser sees for an `error` part, and for a tool's error (as toUIMessageStream redacts them when onError is given). */
  onError?: (error: unknown) => string;
  sendReasoning?: boolean;
  /** How long a tool may run before its call becomes an error the model sees. */
  toolTimeoutMs?: number;
  onStepEnd?: (step: StepEnd) => void;
  /** Called once when the returned stream ends, however it ends (closed, cancelled, failed). */
  onEnd?: (end: StreamEnd) => void;
};
