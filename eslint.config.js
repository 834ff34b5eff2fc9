// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

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
  {
    // the LLM adapter depends on core only: no storage, notifier or git adapter, no app, no driver.
    files: ['packages/llm/src/**/*.ts'],
    ignores: ['packages/llm/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: restrict(drivers, 'Only storage adapters and apps talk to drivers.'),
          patterns: restrictPatterns(
            ['@fixloop/storage-*', '@fixloop/notifiers*', '@fixloop/git*', '@fixloop/server', '@fixloop/cli'],
            'Adapters never import each other or apps.',
          ),
        },
      ],
    },
  },
  {
    // @fixloop/sourcemaps depends on core only: no storage, app or driver (zip and zlib are its job).
    files: ['packages/sourcemaps/src/**/*.ts'],
    ignores: ['packages/sourcemaps/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: restrict(drivers, 'Only storage adapters and apps talk to drivers.'),
          patterns: restrictPatterns(
            [
              '@fixloop/storage-*',
              '@fixloop/ingest',
              '@fixloop/normalize',
              '@fixloop/server',
              '@fixloop/cli',
            ],
            'The sourcemaps library depends on core only.',
          ),
        },
      ],
    },
  },
  {
    // the git adapter depends on core only: no storage, LLM or notifier adapter, no app, no driver.
    files: ['packages/git/src/**/*.ts'],
    ignores: ['packages/git/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: restrict(drivers, 'Only storage adapters and apps talk to drivers.'),
          patterns: restrictPatterns(
            ['@fixloop/storage-*', '@fixloop/llm*', '@fixloop/notifiers*', '@fixloop/server', '@fixloop/cli'],
            'Adapters never import each other or apps.',
          ),
        },
      ],
    },
  },
  {
    // the notifier adapter depends on core only: no storage, LLM or git adapter, no app, no database driver.
    files: ['packages/notifiers/src/**/*.ts'],
    ignores: ['packages/notifiers/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: restrict(
            drivers.filter((d) => d !== 'nodemailer'),
            'Only storage adapters and apps talk to database drivers.',
          ),
          patterns: restrictPatterns(
            ['@fixloop/storage-*', '@fixloop/llm*', '@fixloop/git*', '@fixloop/server', '@fixloop/cli'],
            'Adapters never import each other or apps.',
          ),
        },
      ],
    },
  },
  {
    // investigation is pure domain logic like grouping: it works through core's ports, never does I/O.
    files: ['packages/investigation/src/**/*.ts'],
    ignores: ['packages/investigation/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: restrict([...drivers, ...nodeIo], 'packages/investigation does no I/O: use the core ports.'),
          patterns: restrictPatterns(
            ['@fixloop/*', '!@fixloop/core'],
            'packages/investigation depends on @fixloop/core only.',
          ),
        },
      ],
    },
  },
  {
    // autofix is a library like investigation: it works through core's ports and does no I/O itself.
    files: ['packages/autofix/src/**/*.ts'],
    ignores: ['packages/autofix/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: restrict([...drivers, ...nodeIo], 'packages/autofix does no I/O: use the core ports.'),
          patterns: restrictPatterns(
            ['@fixloop/*', '!@fixloop/core'],
            'packages/autofix depends on @fixloop/core only.',
          ),
        },
      ],
    },
  },
  {
    // the verifier adapter runs commands in worktrees; it depends on core only, never on other adapters.
    files: ['packages/verifier/src/**/*.ts'],
    ignores: ['packages/verifier/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: restrict(drivers, 'Only storage adapters and apps talk to drivers.'),
          patterns: restrictPatterns(
            [
              '@fixloop/storage-*',
              '@fixloop/notifiers*',
              '@fixloop/llm*',
              '@fixloop/git*',
              '@fixloop/server',
              '@fixloop/cli',
            ],
            'Adapters never import each other or apps.',
          ),
        },
      ],
    },
  },
  {
    // the dashboard (apps/web): browser code with React hooks rules.
    files: ['apps/web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: {
      parserOptions: { ecmaFeatures: { jsx: true } },
      globals: { window: 'readonly', document: 'readonly', localStorage: 'readonly', fetch: 'readonly' },
    },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
);
