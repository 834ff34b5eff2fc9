import type { Storage } from '@fixloop/core';
import type * as FixloopMcp from '@fixloop/mcp';
import type * as McpTransports from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { hashApiToken } from '../bootstrap/bootstrap-accounts.ts';

export interface McpRouteOptions {
  storage: Storage;
  /** Where this process itself answers the Web API (the tools call it with the caller's token). */
  selfUrl(): string;
}

// The MCP SDK (~25 MB of RSS with its schemas) loads with the first MCP request, not at boot.
let mcpModules: Promise<[typeof FixloopMcp, typeof McpTransports]> | null = null;
const loadMcp = () =>
  (mcpModules ??= Promise.all([
    import('@fixloop/mcp'),
    import('@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js'),
  ]));

/**
 * MCP over Streamable HTTP at `/api/mcp`, stateless: every POST gets a fresh server bound to the
 * caller's API token, so a tool can do exactly what that token may do through the Web API.
 */
export function registerMcpRoute(app: FastifyInstance, options: McpRouteOptions): void {
  app.post('/api/mcp', async (request, reply) => {
    const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (
      token === undefined ||
      (await options.storage.accounts.findApiTokenByHash(hashApiToken(token))) === null
    ) {
      return rpcError(reply, 401, 'A valid API token is required (Authorization: Bearer <token>).');
    }
    const [{ createFixloopMcpServer }, { WebStandardStreamableHTTPServerTransport }] = await loadMcp();
    const server = createFixloopMcpServer({ baseUrl: options.selfUrl(), token });
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
    });
    await server.connect(transport);
    try {
      const body = Buffer.isBuffer(request.body)
        ? JSON.parse(request.body.toString('utf8') || 'null')
        : request.body;
      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers)) {
        if (typeof value === 'string') headers.set(name, value);
      }
      const webRequest = new Request(`http://mcp.local${request.url}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
      });
      const response = await transport.handleRequest(webRequest, { parsedBody: body });
      reply.code(response.status);
      response.headers.forEach((value, name) => void reply.header(name, value));
      return reply.send(await response.text());
    } finally {
      await server.close();
    }
  });
  for (const method of ['GET', 'DELETE'] as const) {
    app.route({
      method,
      url: '/api/mcp',
      handler: (_request, reply) => rpcError(reply, 405, 'Stateless MCP endpoint: use POST.'),
    });
  }
}

function rpcError(reply: FastifyReply, status: number, message: string): FastifyReply {
  return reply
    .code(status)
    .type('application/json')
    .send(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message }, id: null }));
}
