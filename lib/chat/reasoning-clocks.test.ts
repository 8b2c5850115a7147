import { describe, expect, it } from 'vitest';
import type { FlintUIMessage } from './message';
import { advanceReasoningClocks, reasoningDurationOf, reasoningDurations } from './reasoning-clocks';

type Part = FlintUIMessage['parts'][number];
const reasoning = (text: string, state: 'streaming' | 'done'): Part => ({ type: 'reasoning', text, state });
const text = (value: string): Part => ({ type: 'text', text: value, state: 'streaming' });
const toolCall = { type: 'tool-calculator', toolCallId: 'c1', state: 'output-available', input: { expression: '2+2' }, output: '4' } as unknown as Part;

describe('reasoning clocks', () => {
  it('times each reasoning block of a multi-step answer on its own', () => {
    const sentAt = 1000;
    let clocks = advanceReasoningClocks([], [reasoning('Let me compute', 'streaming')], sentAt, 1200);
    clocks = advanceReasoningClocks(clocks, [reasoning('Let me compute', 'done'), toolCall], sentAt, 1500);
    // The second step's reasoning shows up after the tool ran, and thinks for 800 ms.
    clocks = advanceReasoningClocks(clocks, [reasoning('Let me compute', 'done'), toolCall, reasoning('4 it is', 'streaming')], sentAt, 3000);
    clocks = advanceReasoningClocks(clocks, [reasoning('Let me compute', 'done'), toolCall, reasoning('4 it is', 'done'), text('It is 4.')], sentAt, 3800);
    expect(reasoningDurations(clocks, 9999)).toEqual([500, 800]);
  });

  it('counts a block the page never saw stream from the end of the block before it, once the answer is over', () => {
    let clocks = advanceReasoningClocks([], [reasoning('Let me compute', 'done'), toolCall], 1000, 1500);
    clocks = advanceReasoningClocks(clocks, [reasoning('Let me compute', 'done'), toolCall, reasoning('4 it is', 'done'), text('It is 4.')], 1000, 2100, { final: true });
    expect(reasoningDurations(clocks, 2100)).toEqual([500, 600]);
  });

  it('starts the first block at the question, so reasoning and text arriving in one render still count', () => {
    const clocks = advanceReasoningClocks([], [reasoning('quick', 'streaming'), text('Hi')], 1000, 1040);
    expect(reasoningDurations(clocks, 5000)).toEqual([40]);
  });

  it('counts a block still thinking until now, and ignores empty reasoning', () => {
    const clocks = advanceReasoningClocks([], [reasoning('', 'streaming'), reasoning('hmm', 'streaming')], 1000, 1100);
    expect(reasoningDurations(clocks, 1600)).toEqual([600]);
  });

  it('reads saved durations per block, and an older single number as the first block only', () => {
    expect(reasoningDurationOf([500, 800], 1)).toBe(800);
    expect(reasoningDurationOf(700, 0)).toBe(700);
    expect(reasoningDurationOf(700, 1)).toBeUndefined();
    expect(reasoningDurationOf(undefined, 0)).toBeUndefined();
  });
});
