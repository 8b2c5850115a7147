import { describe, expect, it } from 'vitest';
import type { FlintUIMessage } from './message';
import { toolStepOf } from './tool-step';

type Part = FlintUIMessage['parts'][number];
const part = (value: Record<string, unknown>) => value as unknown as Part;

describe('toolStepOf', () => {
  it('ignores parts that are not tool calls', () => {
    expect(toolStepOf({ type: 'text', text: 'hi' })).toBeUndefined();
    expect(toolStepOf(part({ type: 'step-start' }))).toBeUndefined();
  });

  it('shows a running calculator with its expression as the input', () => {
    expect(toolStepOf(part({ type: 'tool-calculator', toolCallId: 'c1', state: 'input-available', input: { expression: '12*7+3' } }))).toEqual({
      id: 'c1', name: 'calculator', status: 'running', byProvider: false, input: '12*7+3', output: undefined, error: undefined, sources: [],
    });
    expect(toolStepOf(part({ type: 'tool-calculator', toolCallId: 'c1', state: 'input-streaming' }))).toMatchObject({ status: 'running', input: undefined });
  });

  it("reads the result of Flint's tools, an MCP tool's text content, and any other output as JSON", () => {
    const done = (output: unknown, type = 'tool-calculator') => toolStepOf(part({ type, toolName: 'word_count', toolCallId: 'c', state: 'output-available', input: {}, output }))!;
    expect(done({ expression: '12*7+3', result: '87' }).output).toBe('87');
    expect(done({ content: [{ type: 'text', text: '2 words' }] }, 'dynamic-tool')).toMatchObject({ name: 'word_count', output: '2 words' });
    expect(done({ timeZone: 'UTC', iso: '2026-01-01T00:00:00Z' }).output).toBe('{\n  "timeZone": "UTC",\n  "iso": "2026-01-01T00:00:00Z"\n}');
  });

  it('shows an error as the error text', () => {
    expect(toolStepOf(part({ type: 'tool-current_time', toolCallId: 't', state: 'output-error', input: { timeZone: 'Mars/Olympus' }, errorText: 'Error: Unknown time zone' }))).toMatchObject({
      status: 'error', input: 'Mars/Olympus', error: 'Unknown time zone', output: undefined,
    });
  });

  it("shows Groq's executed search with its query, output and http(s) sources only", () => {
    const step = toolStepOf(part({
      type: 'tool-browser_search', toolCallId: 'g', state: 'output-available', providerExecuted: true, input: '{"query":"flint"}',
      output: {
        type: 'browser.search', input: { query: 'flint' }, output: '【0†Flint†https://example.com】',
        searchResults: { results: [{ title: 'Flint', url: 'https://example.com' }, { title: 'bad', url: 'javascript:alert(1)' }] },
      },
    }))!;
    expect(step).toMatchObject({ byProvider: true, input: '{"query":"flint"}', output: '【0†Flint†https://example.com】', sources: [{ title: 'Flint', url: 'https://example.com' }] });
  });
});
