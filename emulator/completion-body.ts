import { envelopeFields, type CompletionEnvelope } from './completion-envelope.ts';
import type { ReplyPlan } from './plan-reply.ts';
import { usageFor } from './usage.ts';

/** The non-streamed chat.completion object for a planned reply. */
export function completionBody(envelope: CompletionEnvelope, plan: ReplyPlan, serviceTier: string): Record<string, unknown> {
  const groq = envelope.provider === 'groq';
  const message: Record<string, unknown> = { role: 'assistant', content: plan.toolCalls.length > 0 && plan.content.length === 0 ? null : plan.content.join('') };
  if (groq && plan.reasoning.length > 0) message.reasoning = plan.reasoning.join('');
  if (groq && plan.executedTools.length > 0) message.executed_tools = plan.executedTools;
  if (plan.toolCalls.length > 0) {
    message.tool_calls = plan.toolCalls.map((call) => ({ id: call.id, type: 'function', function: { name: call.name, arguments: call.arguments } }));
  }
  if (!groq) {
    message.refusal = null;
    message.annotations = [];
  }
  const body: Record<string, unknown> = {
    ...envelopeFields(envelope, 'chat.completion'),
    choices: [{ index: 0, message, logprobs: null, finish_reason: plan.finishReason }],
    usage: usageFor(envelope.provider, envelope.model, plan),
  };
  if (groq) {
    body.x_groq = { id: envelope.requestId };
    body.service_tier = serviceTier;
  }
  return body;
}
