import { describe, expect, it } from 'vitest';
import type { FlintUIMessage } from './message';
import { chatRequestSchema } from './request';
import { settleUnfinishedTools, unfinishedToolError } from './settle-unfinished-tools';

const answer = (parts: unknown[]) => ({ id: 'a1', role: 'assistant', parts }) as FlintUIMessage;
const accepted = (message: FlintUIMessage) =>
  chatRequestSchema.safeParse({ id: 'c', messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text: 'hi' }] }, message] }).success;

describe('settleUnfinishedTools', () => {
  it('turns a tool call cut off before its result into a tool error the server accepts', () => {
    const cut = answer([
      { type: 'step-start' },
      { type: 'tool-calculator', toolCallId: 'c1', state: 'input-available', input: { expression: '2+2' } },
      { type: 'dynamic-tool', toolName: 'word_count', toolCallId: 'c2', state: 'input-streaming' },
    ]);
    expect(accepted(cut)).toBe(false);
    const settled = settleUnfinishedTools(cut);
    expect(settled.parts.slice(1)).toEqual([
      { type: 'tool-calculator', toolCallId: 'c1', state: 'output-error', input: { expression: '2+2' }, errorText: unfinishedToolError },
      { type: 'dynamic-tool', toolName: 'word_count', toolCallId: 'c2', state: 'output-error', input: undefined, errorText: unfinishedToolError },
    ]);
    expect(accepted(settled)).toBe(true);
  });

  it('leaves an answer without unfinished tools as it is (the same object)', () => {
    const done = answer([{ type: 'tool-calculator', toolCallId: 'c1', state: 'output-available', input: {}, output: { result: '4' } }, { type: 'text', text: '4' }]);
    expect(settleUnfinishedTools(done)).toBe(done);
  });
});
