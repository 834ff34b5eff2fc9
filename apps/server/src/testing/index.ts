// Test fixtures for other workspaces' integration tests (the CLI drives a real server with them).
export { AutofixTestShop, SHOP_CRASHES, AUTOFIX_ADMIN_TOKEN } from './autofix-test-shop.ts';
export type { FixJson } from './autofix-test-shop.ts';
export { createTestUserToken, TestApiClient } from './test-api-client.ts';
export { startTestFixloop, TEST_BACKENDS } from './test-fixloop.ts';
export type { TestBackend, TestFixloop } from './test-fixloop.ts';
