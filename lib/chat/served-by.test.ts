import { describe, expect, it } from 'vitest';
import { describeOutcome, describeServedBy, formatCost, servedByLine } from './served-by';

describe('describeServedBy', () => {
  it('names the model without its organisation prefix', () => {
    const text = describeServedBy({ model: 'openai/gpt-oss-20b', provider: 'groq' });
    expect(text && servedByLine(text)).toBe('served by gpt-oss-20b');
  });

  it('says which model it fell back from, and why', () => {
    const text = describeServedBy({
      model: 'openai/gpt-oss-20b',
      provider: 'groq',
      attempts: [
        { model: 'openai/gpt-oss-120b', provider: 'groq', outcome: 'rate_limited', ms: 12 },
        { model: 'openai/gpt-oss-20b', provider: 'groq', outcome: 'ok', ms: 900 },
      ],
    });
    expect(text && servedByLine(text)).toBe('served by gpt-oss-20b · fell back from gpt-oss-120b (rate limited)');
  });

  it('lists every model passed over, names a non-Groq provider, and adds tokens and cost', () => {
    const text = describeServedBy({
      model: 'gpt-4.1-mini',
      provider: 'openai',
      attempts: [
        { model: 'openai/gpt-oss-120b', provider: 'groq', outcome: 'skipped_open', ms: 0 },
        { model: 'openai/gpt-oss-20b', provider: 'groq', outcome: 'timeout', ms: 8000 },
        { model: 'gpt-4.1-mini', provider: 'openai', outcome: 'ok', ms: 700 },
      ],
      inputTokens: 1234,
      outputTokens: 56,
      costUsd: 0.000423,
    });
    expect(text && servedByLine(text)).toBe(
      'served by gpt-4.1-mini via OpenAI · fell back from gpt-oss-120b (paused after errors), gpt-oss-20b (timed out) · 1,234 in · 56 out tokens · $0.00042',
    );
  });

  it('says when another model finished an answer cut off mid-stream', () => {
    const text = describeServedBy({
      model: 'openai/gpt-oss-120b',
      attempts: [{ model: 'openai/gpt-oss-120b', provider: 'groq', outcome: 'interrupted', ms: 300 }],
      continuedBy: 'llama-3.3-70b-versatile',
    });
    expect(text && servedByLine(text)).toBe('served by gpt-oss-120b · continued by llama-3.3-70b-versatile after the connection dropped');
  });

  it('has nothing to say before the server names the model', () => {
    expect(describeServedBy(undefined)).toBeUndefined();
    expect(describeServedBy({ inputTokens: 3 })).toBeUndefined();
  });
});

describe('describeOutcome', () => {
  it.each([
    ['rate_limited', 'rate limited'],
    ['server_error', 'server error'],
    ['timeout', 'timed out'],
    ['connection', 'connection lost'],
    ['not_found', 'model unavailable'],
    ['auth', 'provider key rejected'],
    ['skipped_open', 'paused after errors'],
  ])('%s reads as "%s"', (outcome, words) => {
    expect(describeOutcome(outcome)).toBe(words);
  });

  it('spells out an outcome it does not know instead of showing a code', () => {
    expect(describeOutcome('brand_new_reason')).toBe('brand new reason');
  });
});

describe('a cached answer', () => {
  it('says "from cache" beside the model that first wrote it', () => {
    const text = describeServedBy({ model: 'gpt-oss-20b', provider: 'groq', attempts: [], cache: true });
    expect(text?.cache).toBe('from cache');
    expect(servedByLine(text!)).toBe('served by gpt-oss-20b · from cache');
    expect(describeServedBy({ model: 'gpt-oss-20b', provider: 'groq' })?.cache).toBeUndefined();
  });
});

describe('formatCost', () => {
  it.each([
    [0, '$0'],
    [0.000423, '$0.00042'],
    [0.0123, '$0.012'],
    [0.00999, '$0.010'],
    [0.5, '$0.50'],
    [2.345, '$2.35'],
    [0.000001, '< $0.00001'],
  ])('%f reads as %s', (cost, words) => {
    expect(formatCost(cost)).toBe(words);
  });
});
