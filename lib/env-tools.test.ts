import { describe, expect, it } from 'vitest';
import { parseEnv } from './env';

describe('tool configuration', () => {
  it('is off by default', () => {
    expect(parseEnv({}).tools).toEqual({ groq: [], mcpServers: [] });
  });

  it('reads comma-separated Groq tools and MCP server URLs', () => {
    const config = parseEnv({ FLINT_GROQ_TOOLS: 'browser_search, code_interpreter', FLINT_MCP_SERVERS: 'http://127.0.0.1:9000/mcp,https://mcp.example.com/mcp' });
    expect(config.tools).toEqual({ groq: ['browser_search', 'code_interpreter'], mcpServers: ['http://127.0.0.1:9000/mcp', 'https://mcp.example.com/mcp'] });
  });

  it('stops start-up on a malformed list', () => {
    expect(() => parseEnv({ FLINT_GROQ_TOOLS: 'browser search' })).toThrow(/FLINT_GROQ_TOOLS/);
    expect(() => parseEnv({ FLINT_MCP_SERVERS: 'not a url' })).toThrow(/FLINT_MCP_SERVERS/);
  });
});
