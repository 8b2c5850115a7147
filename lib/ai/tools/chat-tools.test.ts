import { describe, expect, it } from 'vitest';
import { modelToolsOf } from '@/lib/services/chat-stream/model-tools';
import { chatTools } from './chat-tools';

const offer = (toolTimeoutMs?: number) => chatTools({ groqTools: [], mcpServers: [], models: [], ...(toolTimeoutMs === undefined ? {} : { toolTimeoutMs }) });

describe('chatTools', () => {
  it('offers the same built-in tool objects on every request, so their model definitions are prepared once', async () => {
    const [first, second] = [await offer(), await offer()];
    expect(Object.keys(first.tools)).toEqual(['calculator', 'current_time']);
    expect(second.tools.calculator).toBe(first.tools.calculator);
    const [prepared, again] = [await modelToolsOf(first.tools), await modelToolsOf(second.tools)];
    expect(again).toHaveLength(2);
    again!.forEach((definition, index) => expect(definition).toBe(prepared![index]));
    // Another limit is another wrapper: the limit is part of the tool.
    expect((await offer(50)).tools.calculator).not.toBe(first.tools.calculator);
  });
});
