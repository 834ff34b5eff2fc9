import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { FixloopApiClient } from './fixloop-api-client.ts';
import type { FixloopApiClientOptions } from './fixloop-api-client.ts';
import { registerFixloopTools } from './fixloop-mcp-tools.ts';

/**
 * An MCP server exposing Fixloop's issues, events, investigations and the "investigate" action to IDE
 * agents. Connect it to any transport: stdio (`fixloop mcp`) or Streamable HTTP (`/api/mcp`).
 */
export function createFixloopMcpServer(options: FixloopApiClientOptions & { version?: string }): McpServer {
  const server = new McpServer({ name: 'fixloop', version: options.version ?? '0.1.0' });
  registerFixloopTools(server, new FixloopApiClient(options));
  return server;
}
