import type { PolicyCategory } from './policy-category.ts';

/**
 * A patch touching a path matching one of `paths` (globs: `**`, `*`, `?`, `{a,b}`; a glob without `/`
 * matches the file name anywhere) or changing a line matching one of `content` (case-insensitive regular
 * expressions over added and removed lines) is at least `category`.
 */
export interface PolicyRule {
  category: PolicyCategory;
  reason: string;
  paths?: string[];
  content?: string[];
}

/** The seed rules (a BookingTMS-style model). Projects replace or extend them in their settings. */
export const DEFAULT_POLICY_RULES: readonly PolicyRule[] = [
  {
    category: 'C',
    reason: 'UI component',
    paths: ['**/components/**', '*.jsx', '*.tsx', '*.vue', '*.svelte'],
  },
  {
    category: 'C',
    reason: 'database schema or migration',
    paths: ['**/migrations/**', '**/migration/**', '*.sql', '*.prisma', '**/schema/**', 'schema.*'],
    content: ['\\b(create|alter|drop)\\s+(table|index|column)\\b'],
  },
  {
    category: 'C',
    reason: 'payments',
    paths: ['**/payments/**', '**/billing/**', '*payment*', '*stripe*', '*billing*'],
    content: ['\\bstripe\\b', '\\bpayment(intent)?s?\\b'],
  },
  {
    category: 'C',
    reason: 'auth or security',
    paths: ['**/auth/**', '**/security/**', '*auth*', '*session*', '*password*', '*crypto*', '*permission*'],
    content: ['\\b(jwt|bcrypt|argon2|csrf|password|secret|apikey|api_key)\\b'],
  },
  {
    category: 'C',
    reason: 'row-level security',
    paths: ['**/policies/**', '*rls*'],
    content: ['row\\s+level\\s+security', '\\bcreate\\s+policy\\b', '\\bauth\\.uid\\(\\)'],
  },
  {
    category: 'C',
    reason: 'environment or configuration',
    paths: [
      '.env*',
      '**/config/**',
      '*.config.*',
      '*config.json',
      'package.json',
      '*.yml',
      '*.yaml',
      'Dockerfile',
    ],
    content: ['\\bprocess\\.env\\b', '\\bimport\\.meta\\.env\\b', '\\bos\\.environ\\b'],
  },
  {
    category: 'B',
    reason: 'API or service code',
    paths: [
      '**/api/**',
      '**/routes/**',
      '**/services/**',
      '**/controllers/**',
      '**/handlers/**',
      '*service*',
    ],
  },
];
