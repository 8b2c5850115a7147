import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import type { ContentPart, FinishReason, LanguageModelUsage, ToolSet, TypedToolCall } from 'ai';
import { addLanguageModelUsage, asLanguageModelUsage, createNullLanguageModelUsage, parseToolCall, prepareToolChoice, toResponseMessages } from 'ai/internal';
import type { StreamEnd } from '../first-content';
import type { ChatStepsOptions } from './chat-steps-options';
import { FastPathUnsupportedError } from './fast-path-unsupported-error';
import { idReserver } from './id-reserver';
import { modelPromptOf } from './model-prompt';
import { modelToolsOf } from './model-tools';
import { runToolCall, type ToolOutcome } from './run-tool-call';
import { toolChunk, toolErrorTextOf } from './tool-chunk';
import { invalidCallError, providerToolOutcome } from './tool-outcomes';
import { uiChunkJson } from './ui-chunk-json';

const encoder = new TextEncoder();
const frame = (json: string) => `data: ${json}\n\n`;
const withMetadata = (json: string, metadata: unknown) => (metadata == null ? `${json}}` : `${json},"messageMetadata":${JSON.stringify(metadata)}}`);
const defaultOnError = () => 'An error occurred.';

type TextContent = { type: 'text' | 'reasoning'; text: string; providerMetadata?: unknown };

/**
 * The chat's whole reply, tool steps included, from the model's parts straight to the SSE bytes
 * streamText({ tools, stopWhen: stepCountIs(maxSteps) }) + toUIMessageStream({ tools, onError }) +
 * createUIMessageStreamResponse send, in one pull stream. Each text part is one read, one string
 * and one enqueue, where the SDK sends it through ~20 stream stages (28-39 % of a request's CPU
 * in issue 14's profile). Tool calls are parsed and validated with the SDK's parseToolCall, run
 * with the tool's execute after the step's finish (as streamText does), and the next step's
 * prompt is built with the SDK's toResponseMessages and convertToLanguageModelPrompt, so the
 * model sees what streamText would send. Resolves once the reply carries content: a failure
 * before the first token (the first doStream throwing, or an error part first) rejects instead,
 * so the route can answer with a real HTTP status.
 */
export async function streamChatSteps(options: ChatStepsOptions): Promise<ReadableStream<Uint8Array>> {
  const { model, tools, abortSignal, messageMetadata, sendReasoning = true, toolTimeoutMs, onStepEnd, onEnd } = options;
  const onError = options.onError ?? defaultOnError;
  const toolErrorText = toolErrorTextOf(options.redactToolErrors === false ? undefined : options.onError, onError);
  const settings = options.temperature === undefined ? {} : { temperature: options.temperature };
  let modelId: string | undefined;
  const maxSteps = Math.max(1, options.maxSteps ?? 1);
  const hasTools = tools !== undefined && Object.keys(tools).length > 0;
  const modelTools = await modelToolsOf(hasTools ? tools : undefined);
  const toolChoice = prepareToolChoice({ toolChoice: undefined });
  const reserveTextId = idReserver();
  const reserveReasoningId = idReserver();
  const instructions = options.prompt.instructions;
  let messages = options.prompt.messages;
  let totalUsage = createNullLanguageModelUsage();
  let stepNumber = 0;

  // The open step. Content is kept only while a next step may need it for its prompt.
  let reader!: ReadableStreamDefaultReader<LanguageModelV4StreamPart>;
  let collect = false;
  let stepStarted = false;
  let content: Array<ContentPart<ToolSet>> = [];
  let active = new Map<string, TextContent>();
  let ids = new Map<string, string>();
  let calls: Array<TypedToolCall<ToolSet>> = [];
  let toRun: Array<TypedToolCall<ToolSet>> = [];
  let outputs: ToolOutcome[] = [];
  let stepUsage: LanguageModelUsage | undefined;
  let finishReason: FinishReason = 'other';
  let sawTerminal = false;
  let sawContent = false;
  let priming = true;
  let ended = false;
  let errored = false;

  async function openStep() {
    const prompt = await modelPromptOf({ model, instructions, messages, abortSignal });
    const { stream } = await model.doStream({ prompt, tools: modelTools, toolChoice, abortSignal, ...settings });
    reader = stream.getReader();
    collect = hasTools && stepNumber < maxSteps - 1;
    stepStarted = false;
    content = [];
    active = new Map();
    ids = new Map();
    calls = [];
    toRun = [];
    outputs = [];
    stepUsage = undefined;
    finishReason = 'other';
    sawTerminal = false;
  }

  function record(part: ContentPart<ToolSet> | TextContent) {
    if (collect) content.push(part as ContentPart<ToolSet>);
  }

  function outcomeFrame(outcome: ToolOutcome): string {
    outputs.push(outcome);
    record(outcome);
    return frame(JSON.stringify(outcome.type === 'tool-result' ? toolChunk.result(outcome, tools) : toolChunk.error(outcome, tools, toolErrorText)));
  }

  function textLike(part: Extract<LanguageModelV4StreamPart, { type: `${'text' | 'reasoning'}-${'start' | 'delta' | 'end'}` }>): string {
    const reasoning = part.type.startsWith('reasoning');
    let id: string;
    if (part.type === 'text-start' || part.type === 'reasoning-start') {
      id = (reasoning ? reserveReasoningId : reserveTextId)(part.id);
      ids.set(`${reasoning ? 'r' : 't'}${part.id}`, id);
      const block: TextContent = { type: reasoning ? 'reasoning' : 'text', text: '', providerMetadata: part.providerMetadata };
      active.set(id, block);
      record(block);
    } else {
      id = ids.get(`${reasoning ? 'r' : 't'}${part.id}`) ?? part.id;
      const block = active.get(id);
      if (block === undefined) return frame(`{"type":"error","errorText":${JSON.stringify(onError(`${reasoning ? 'reasoning' : 'text'} part ${id} not found`))}}`);
      block.providerMetadata = part.providerMetadata ?? block.providerMetadata;
      if (part.type === 'text-delta' || part.type === 'reasoning-delta') {
        // streamText drops empty text deltas that carry nothing (not empty reasoning deltas).
        if (part.type === 'text-delta' && part.delta === '' && part.providerMetadata == null) return '';
        if (collect) block.text += part.delta;
        if (part.delta !== '') sawContent = true;
      } else {
        if (part.type === 'text-end' && part.citations != null) (block as TextContent & { citations?: unknown }).citations = part.citations;
        active.delete(id);
        ids.delete(`${reasoning ? 'r' : 't'}${part.id}`);
      }
    }
    if (reasoning && !sendReasoning) return '';
    return frame(uiChunkJson(id === part.id ? part : { ...part, id }));
  }

  /** The SSE text of one model part ('' when the UI stream has none). */
  async function framesOf(part: LanguageModelV4StreamPart): Promise<string> {
    switch (part.type) {
      case 'text-start':
      case 'text-delta':
      case 'text-end':
      case 'reasoning-start':
      case 'reasoning-delta':
      case 'reasoning-end':
        return textLike(part);
      case 'tool-input-start':
        sawContent = true;
        return frame(JSON.stringify(toolChunk.inputStart(part, tools)));
      case 'tool-input-delta':
        return frame(JSON.stringify(toolChunk.inputDelta(part.id, part.delta)));
      case 'tool-call': {
        sawContent = true;
        let call: TypedToolCall<ToolSet>;
        try {
          call = await parseToolCall({ toolCall: part, tools: hasTools ? tools : undefined, repairToolCall: undefined, instructions, messages, abortSignal });
        } catch (error) {
          return errorFrame(error);
        }
        calls.push(call);
        record(call);
        let text = frame(JSON.stringify(toolChunk.call(call, tools, toolErrorText, onError)));
        if (call.invalid) {
          if (!call.providerExecuted) {
            // The model's next prompt carries the error; the browser already has it as tool-input-error.
            const failure = invalidCallError(call);
            outputs.push(failure);
            record(failure);
          }
        } else if (call.providerExecuted !== true && hasTools && typeof tools[call.toolName]?.execute === 'function') {
          toRun.push(call);
        }
        return text;
      }
      case 'tool-result': {
        // A provider-executed tool (Groq's browser_search) answers in the model's own stream.
        const call = calls.find((candidate) => candidate.toolCallId === part.toolCallId);
        const outcome = providerToolOutcome(part, call);
        return outcomeFrame(outcome);
      }
      case 'error':
        sawTerminal = true;
        finishReason = 'error';
        if (priming && !sawContent) throw part.error;
        return errorFrame(part.error);
      case 'finish': {
        sawTerminal = true;
        sawContent = true;
        stepUsage = asLanguageModelUsage(part.usage);
        finishReason = part.finishReason.unified;
        if ((finishReason !== 'stop' && finishReason !== 'tool-calls') || toRun.length === 0) return '';
        // As streamText: the step's tools run once the model has finished it, all at once.
        let text = '';
        const running = toRun;
        toRun = [];
        await Promise.all(
          running.map(async (call) => {
            const outcome = await runToolCall({
              call,
              tools: tools!,
              messages,
              ...(abortSignal ? { abortSignal } : {}),
              ...(toolTimeoutMs === undefined ? {} : { timeoutMs: toolTimeoutMs }),
              onPreliminary: (result) => {
                text += frame(JSON.stringify(toolChunk.result(result, tools)));
              },
            });
            if (outcome) text += outcomeFrame(outcome);
          }),
        );
        return text;
      }
      case 'response-metadata':
        if (part.modelId !== undefined) modelId = part.modelId;
        return '';
      case 'source':
      case 'tool-input-end':
      case 'stream-start':
      case 'raw':
        return ''; // sources: toUIMessageStream's sendSources is off by default
      default:
        throw new FastPathUnsupportedError(part.type);
    }
  }

  function errorFrame(error: unknown): string {
    errored = true;
    return frame(`{"type":"error","errorText":${JSON.stringify(onError(error))}}`);
  }

  /** Closes the step: finish-step, then either the next step's call or the reply's finish. */
  async function endStep(): Promise<string> {
    let text = '';
    if (!sawTerminal && !sawContent) text += errorFrame(new Error('No output generated. The model stream ended without a finish chunk.'));
    text += frame('{"type":"finish-step"}');
    const usage = stepUsage ?? createNullLanguageModelUsage();
    totalUsage = addLanguageModelUsage(totalUsage, usage);
    const clientCalls = calls.filter((call) => call.providerExecuted !== true).length;
    const clientOutputs = outputs.filter((output) => output.providerExecuted !== true).length;
    const next = finishReason !== 'interrupted' && clientCalls > 0 && clientCalls === clientOutputs && stepNumber + 1 < maxSteps && !abortSignal?.aborted;
    if (next || onStepEnd) {
      const responseMessages = await toResponseMessages({ content, tools });
      onStepEnd?.({ stepNumber, finishReason, usage, responseMessages });
      if (next) {
        messages = [...messages, ...responseMessages];
        stepNumber++;
        await openStep();
        return text;
      }
    }
    const metadata = messageMetadata?.({ type: 'finish', finishReason, usage: totalUsage, steps: stepNumber + 1, ...(modelId === undefined ? {} : { modelId }) });
    ended = true;
    return `${text}${frame(withMetadata(`{"type":"finish","finishReason":${JSON.stringify(finishReason)}`, metadata))}data: [DONE]\n\n`;
  }

  /** The next non-empty SSE text of the reply. */
  async function advance(): Promise<string> {
    for (;;) {
      const result = await reader.read();
      let text: string;
      if (result.done) text = await endStep();
      else {
        const part = result.value;
        text = '';
        if (!stepStarted && part.type !== 'stream-start') {
          stepStarted = true;
          text = frame('{"type":"start-step"}');
        }
        // Text and reasoning (nearly every part) map synchronously: no promise per part.
        switch (part.type) {
          case 'text-start':
          case 'text-delta':
          case 'text-end':
          case 'reasoning-start':
          case 'reasoning-delta':
          case 'reasoning-end':
            text += textLike(part);
            break;
          default:
            text += await framesOf(part);
        }
      }
      if (text !== '' || ended) return text;
    }
  }

  let reported = false;
  const report = (end: StreamEnd) => {
    if (reported) return;
    reported = true;
    onEnd?.(end);
  };
  const fail = (error: unknown) => {
    void reader.cancel(error).catch(() => {});
    report({ kind: 'failed', error });
  };

  await openStep();
  let primed = frame(withMetadata('{"type":"start"', messageMetadata?.({ type: 'start' })));
  try {
    while (!sawContent && !ended) primed += await advance();
  } catch (error) {
    void reader.cancel(error).catch(() => {});
    throw error;
  }
  priming = false;

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(primed));
        primed = '';
        if (ended) {
          controller.close();
          report({ kind: 'closed', errored, finishReason });
        }
      },
      async pull(controller) {
        try {
          const text = await advance();
          if (text !== '') controller.enqueue(encoder.encode(text));
          if (ended) {
            controller.close();
            report({ kind: 'closed', errored, finishReason });
          }
        } catch (error) {
          controller.error(error);
          fail(error);
        }
      },
      cancel(reason) {
        report({ kind: 'cancelled' });
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}
