import { describe, expect, it } from 'vitest';
import { chatTitle } from './chat-title';

describe('chatTitle', () => {
  it('is the first question on one line', () => {
    expect(chatTitle([{ id: '1', role: 'user', parts: [{ type: 'text', text: 'How do\n  tides work?' }] }])).toBe('How do tides work?');
  });

  it('shortens a long question with an ellipsis', () => {
    const title = chatTitle([{ id: '1', role: 'user', parts: [{ type: 'text', text: 'word '.repeat(40) }] }]);
    expect(title.length).toBeLessThanOrEqual(60);
    expect(title.endsWith('…')).toBe(true);
  });

  it('is "New chat" before anything was asked', () => {
    expect(chatTitle([])).toBe('New chat');
  });
});
