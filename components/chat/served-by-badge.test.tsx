import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { MessageMetadata } from '@/lib/chat/message';
import { ServedByBadge } from './served-by-badge';

// The badge as a reader sees it: markup stripped, whitespace collapsed.
const wording = (metadata: MessageMetadata | undefined) =>
  renderToStaticMarkup(<ServedByBadge metadata={metadata} />).replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();

describe('ServedByBadge', () => {
  it('reads "served by gpt-oss-20b · fell back from gpt-oss-120b (rate limited)" with tokens and cost', () => {
    expect(
      wording({
        model: 'openai/gpt-oss-20b',
        provider: 'groq',
        attempts: [
          { model: 'openai/gpt-oss-120b', provider: 'groq', outcome: 'rate_limited', ms: 40 },
          { model: 'openai/gpt-oss-20b', provider: 'groq', outcome: 'ok', ms: 650 },
        ],
        inputTokens: 812,
        outputTokens: 240,
        costUsd: 0.00012,
      }),
    ).toBe('served by gpt-oss-20b · fell back from gpt-oss-120b (rate limited) · 812 in · 240 out tokens · $0.00012');
  });

  it('shows only the model when nothing went wrong and no usage was sent', () => {
    expect(wording({ model: 'llama-3.1-8b-instant', provider: 'groq' })).toBe('served by llama-3.1-8b-instant');
  });

  it('renders nothing while the model is unknown (an answer still streaming)', () => {
    expect(renderToStaticMarkup(<ServedByBadge metadata={{ createdAt: 1 }} />)).toBe('');
  });
});
