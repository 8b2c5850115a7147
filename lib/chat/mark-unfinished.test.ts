import { describe, expect, it } from 'vitest';
import { markUnfinished } from './mark-unfinished';
import type { FlintUIMessage } from './message';

const question: FlintUIMessage = { id: 'u1', role: 'user', parts: [{ type: 'text', text: 'Tell me a story' }] };
const partial: FlintUIMessage = { id: 'a1', role: 'assistant', parts: [{ type: 'text', text: 'Once upon' }], metadata: { model: 'm' } };

describe('markUnfinished', () => {
  it('marks the answer still arriving as interrupted, keeping what else it knew', () => {
    const marked = markUnfinished([question, partial]);
    expect(marked[1]!.metadata).toEqual({ model: 'm', interrupted: true });
    expect(partial.metadata).toEqual({ model: 'm' }); // the messages on screen are not changed
  });

  it('stores a tool still running as a tool error, so the history can be sent after a reload', () => {
    const running = { ...partial, parts: [{ type: 'tool-calculator', toolCallId: 'c1', state: 'input-available', input: { expression: '2+2' } }] } as FlintUIMessage;
    expect(markUnfinished([question, running])[1]!.parts[0]).toMatchObject({ state: 'output-error' });
  });

  it('leaves a conversation whose last message is a question alone', () => {
    const messages = [question];
    expect(markUnfinished(messages)).toBe(messages);
  });
});
