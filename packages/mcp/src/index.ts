export { createFixloopMcpServer } from './create-fixloop-mcp-server.ts';
export { FixloopApiClient, FixloopApiError } from './fixloop-api-client.ts';
export type { FixloopApiClientOptions } from './fixloop-api-client.ts';
export { summarizeEvent, summarizeIssue } from './summarize-for-agent.ts';
