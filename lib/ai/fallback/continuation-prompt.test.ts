import { describe, expect, it } from 'vitest';
import { continuationInstruction, continuationPrompt } from './continuation-prompt';
import { prompt } from '../../../test/fallback-support';

describe('continuationPrompt', () => {
  it('appends the partial reply as the assistant and asks to continue without repeating', () => {
    expect(continuationPrompt(prompt, 'Flint is a')).toEqual([
      ...prompt,
      { role: 'assistant', content: [{ type: 'text', text: 'Flint is a' }] },
      { role: 'user', content: [{ type: 'text', text: continuationInstruction }] },
    ]);
    expect(continuationInstruction).toMatch(/do not repeat/);
  });
});
