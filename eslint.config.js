// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const drivers = ['better-sqlite3', 'pg', 'kysely', 'fastify', 'nodemailer'];
const nodeIo = [
  'fs',
  'net',
  'http',
  'https',
  'child_process',
  'dgram',
  'tls',
  'worker_threads',
  'zlib',
].flatMap((m) => [m, `node:${m}`, `${m}/*`, `node:${m}/*`]);
const adapters = ['storage-sqlite', 'storage-postgres', 'storage-sql', 'storage-contract'];
const restrict = (/** @type {string[]} */ names, /** @type {string} */ message) =>
  names.map((name) => ({ name, message }));
const restrictPatterns = (/** @type {string[]} */ group, /** @type {string} */ message) => [
  { group, message },
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.fixloop/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='only'][callee.object.name=/^(it|describe|test)$/]",
          message: 'No .only in tests.',
        },
      ],
    },
  },
  {
    // Plain-JS clients the integration tests run with the real SDKs.
    files: ['**/*.mjs', 'apps/cli/bin/*.js', 'apps/cli/build-bundle.mjs'],
    languageOptions: {
      globals: { process: 'readonly', setTimeout: 'readonly', console: 'readonly', URL: 'readonly' },
    },
  },
  {
    files: ['**/clients/browser-client.js'],
    languageOptions: {
      globals: { window: 'readonly', document: 'readonly', console: 'readonly', fetch: 'readonly' },
    },
  },
  {
    // core is the domain: no I/O, no drivers, no other workspace package.
    files: ['packages/core/src/**/*.ts'],
    ignores: ['packages/core/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: restrict([...drivers, ...nodeIo], 'packages/core does no I/O and imports no driver.'),
          patterns: restrictPatterns(['@fixloop/*'], 'packages/core depends on nothing else in the repo.'),
        },
      ],
    },
  },
  // adapters never import each other (they may share the storage-sql library).
  ...['storage-sqlite', 'storage-postgres'].map((pkg) => ({
    files: [`packages/${pkg}/src/**/*.ts`],
    ignores: [`packages/${pkg}/src/**/*.test.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: restrictPatterns(
            adapters.filter((a) => a !== pkg && a !== 'storage-sql').map((a) => `@fixloop/${a}`),
            'Adapters never import each other.',
          ),
        },
      ],
    },
  })),
  {
    // libraries never read process.env and never import apps.
    files: ['packages/**/*.ts'],
    ignores: ['packages/**/*.test.ts', 'packages/storage-contract/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Only apps/* read process.env; pass options instead.',
        },
      ],
    },
  },
  {
    files: ['packages/{ingest,normalize,grouping,config}/src/**/*.ts'],
    ignores: ['packages/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: restrict(drivers, 'Only storage adapters and apps talk to drivers.'),
          patterns: restrictPatterns(
            ['@fixloop/storage-*', '@fixloop/server', '@fixloop/cli'],
            'Libraries do not depend on adapters or apps.',
          ),
        },
      ],
    },
  },
);
