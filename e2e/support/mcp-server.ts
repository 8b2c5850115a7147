// The MCP server the e2e app is pointed at (FLINT_MCP_SERVERS): the MCP TypeScript SDK's server with
// one tool, `word_count`, on a fixed port; GET /_calls lists what the tool was asked.
//   node e2e/support/mcp-server.ts --port 4200
import { parseArgs } from 'node:util';
import { startMcpServer } from '../../test/start-mcp-server.ts';

const { values } = parseArgs({ options: { port: { type: 'string', default: '4200' } } });
const server = await startMcpServer({ port: Number(values.port) });
console.log(`MCP test server listening on ${server.url}`);

const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
