import { envelopeFields, type CompletionEnvelope } from './completion-envelope.ts';
import type { ReplyPlan } from './plan-reply.ts';
import { splitTokens } from './tokens.ts';
import { usageFor } from './usage.ts';

/** One SSE frame ready to write, and how many tokens of generation time it stands for. */
export type Frame = { text: string; cost: number };

/** The frame that ends a healthy stream. */
export const doneFrame: Frame = { text: 'data: [DONE]\n\n', cost: 0 };

/** Serialises one SSE `data:` frame. */
export function sseFrame(data: unknown, cost = 0): Frame {
  return { text: `data: ${JSON.stringify(data)}\n\n`, cost };
}

type Delta = Record<string, unknown>;

/** Yields every frame of a streamed answer (without [DONE]) in the provider's dialect, lazily. */
export function* chatFrames(envelope: CompletionEnvelope, plan: ReplyPlan, includeUsage: boolean): Generator<Frame> {
  const groq = envelope.provider === 'groq';
  const base = envelopeFields(envelope, 'chat.completion.chunk');
  // OpenAI marks every chunk with usage:null once the client asked for usage.
  const nullUsage = !groq && includeUsage ? { usage: null } : {};
  const chunk = (delta: Delta, cost: number, finishReason: string | null = null, extra: Delta = {}): Frame =>
    sseFrame({ ...base, choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }], ...nullUsage, ...extra }, cost);

  // Token chunks differ only in their delta, so serialise the rest once: with hundreds of streams this is the hot path.
  const head = `data: ${JSON.stringify(base).slice(0, -1)},"choices":[{"index":0,"delta":{`;
  const tail = `},"logprobs":null,"finish_reason":null}]${!groq && includeUsage ? ',"usage":null' : ''}}\n\n`;
  const tokenChunk = (field: 'content' | 'reasoning', token: string): Frame => ({ text: `${head}"${field}":${JSON.stringify(token)}${tail}`, cost: 1 });

  const firstDelta = groq ? { role: 'assistant', content: '' } : { role: 'assistant', content: plan.toolCalls.length > 0 ? null : '', refusal: null };
  yield chunk(firstDelta, 0, null, groq ? { x_groq: { id: envelope.requestId } } : {});
  for (const token of plan.reasoning) yield tokenChunk('reasoning', token);
  // Built-in tool runs arrive whole, in one delta after the reasoning that narrates them.
  if (groq && plan.executedTools.length > 0) yield chunk({ executed_tools: plan.executedTools }, 0);
  for (const token of plan.content) yield tokenChunk('content', token);
  for (const [index, call] of plan.toolCalls.entries()) {
    const header = { index, id: call.id, type: 'function' };
    if (groq) {
      // Groq sends each call whole in one delta.
      yield chunk({ tool_calls: [{ ...header, function: { name: call.name, arguments: call.arguments } }] }, splitTokens(call.name + call.arguments).length);
      continue;
    }
    yield chunk({ tool_calls: [{ ...header, function: { name: call.name, arguments: '' } }] }, 1);
    for (const piece of splitTokens(call.arguments)) yield chunk({ tool_calls: [{ index, function: { arguments: piece } }] }, 1);
  }
  const usage = usageFor(envelope.provider, envelope.model, plan);
  if (groq) {
    yield chunk({}, 0, plan.finishReason, { x_groq: { id: envelope.requestId, usage }, usage });
  } else {
    yield chunk({}, 0, plan.finishReason);
    if (includeUsage) yield sseFrame({ ...base, choices: [], usage });
  }
}

/** The frames a mid-stream failure sends: Groq also flags it in a chunk's x_groq.error. */
export function errorFrames(envelope: CompletionEnvelope, error: { message: string; type: string; code: string | null }): Frame[] {
  const errorFrame = sseFrame({ error: envelope.provider === 'groq' ? { message: error.message, type: error.type, code: error.code } : { ...error, param: null } });
  if (envelope.provider === 'openai') return [errorFrame];
  const flagged = sseFrame({ ...envelopeFields(envelope, 'chat.completion.chunk'), choices: [], x_groq: { id: envelope.requestId, error: error.message } });
  return [flagged, errorFrame];
}
