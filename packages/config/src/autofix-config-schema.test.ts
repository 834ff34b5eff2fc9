import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_AUTOFIX_SETTINGS, isAppError } from '@fixloop/core';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './load-config.ts';

function configWith(autofix: unknown, env: Record<string, string> = {}) {
  const cwd = mkdtempSync(join(tmpdir(), 'fixloop-autofix-config-'));
  const file = {
    organizations: [{ slug: 'acme', name: 'Acme', projects: [{ slug: 'shop', name: 'Shop', autofix }] }],
  };
  writeFileSync(join(cwd, 'fixloop.config.json'), JSON.stringify(file));
  return loadConfig({ env, cwd }).organizations[0]?.projects[0]?.settings.autofix;
}

function errorOf(autofix: unknown): string {
  try {
    configWith(autofix);
  } catch (error) {
    if (isAppError(error)) return error.message;
    throw error;
  }
  throw new Error('the config was accepted');
}

describe('the autofix section of a project in the config file', () => {
  it('defaults to the seed settings', () => {
    expect(configWith(undefined)).toEqual(DEFAULT_AUTOFIX_SETTINGS);
  });

  it('reads every key, resolving env: references for the GitHub token', () => {
    const settings = configWith(
      {
        enabled: false,
        triggerRules: [
          { severity: 'annoying', action: 'attempt_fix', minEvents: 3, windowMinutes: 15 },
          { severity: 'blocking', action: 'investigate' },
        ],
        policy: { rules: [{ category: 'C', reason: 'ledger', paths: ['src/ledger/**'], content: ['\\bledger\\b'] }], autoCommit: ['A', 'B'] }, // prettier-ignore
        botPermission: 'SUGGEST',
        agents: [{ name: 'claude', permission: 'MAJOR_FIX' }],
        maxLlmRounds: 3,
        botIdentity: { name: 'Fix Bot', email: 'bot@example.com' },
        push: false,
        github: { token: 'env:GH_TOKEN', pullRequests: 'per_fix', issuesForCritical: true },
      },
      { GH_TOKEN: 'ghp_from_env' },
    );
    expect(settings).toEqual({
      enabled: false,
      triggerRules: [
        { severity: 'annoying', action: 'attempt_fix', minEvents: 3, windowMinutes: 15 },
        { severity: 'blocking', action: 'investigate' },
      ],
      policy: {
        rules: [{ category: 'C', reason: 'ledger', paths: ['src/ledger/**'], content: ['\\bledger\\b'] }],
        useDefaultRules: true,
        autoCommit: ['A', 'B'],
      },
      botPermission: 'SUGGEST',
      agents: [{ name: 'claude', permission: 'MAJOR_FIX' }],
      maxLlmRounds: 3,
      botIdentity: { name: 'Fix Bot', email: 'bot@example.com' },
      push: false,
      github: {
        apiUrl: 'https://api.github.com',
        token: 'ghp_from_env',
        pullRequests: 'per_fix',
        issuesForCritical: true,
        checkRuns: true,
      },
    });
  });

  it('reads a GitHub App, its private key from an env: reference', () => {
    const pem = '-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\n';
    const settings = configWith(
      { github: { app: { appId: 12, installationId: 34, privateKey: 'env:GH_APP_KEY' } } },
      { GH_APP_KEY: pem },
    );
    expect(settings?.github).toEqual({
      apiUrl: 'https://api.github.com',
      app: { appId: 12, installationId: 34, privateKey: pem },
      pullRequests: 'off',
      issuesForCritical: false,
      checkRuns: true,
    });
  });

  it('names the exact key path of a mistake', () => {
    const at = 'fixloop.config.json: organizations[0].projects[0].autofix';
    expect(errorOf({ enable: true })).toContain(`${at}.enable: unknown key "enable"`);
    expect(errorOf({ triggerRules: [{ severity: 'fatal', action: 'record' }] })).toContain(
      `${at}.triggerRules[0].severity:`,
    );
    expect(errorOf({ policy: { autoCommit: ['C'] } })).toContain(
      `${at}.policy.autoCommit[0]: only A and B can be committed without approval; C never is`,
    );
    expect(errorOf({ policy: { rules: [{ category: 'B', reason: 'x', content: ['('] }] } })).toContain(
      `${at}.policy.rules[0].content[0]: must be a valid regular expression`,
    );
    expect(errorOf({ agents: [{ name: 'a', permission: 'ADMIN' }] })).toContain(
      `${at}.agents[0].permission:`,
    );
    expect(errorOf({ github: { repository: 'nope' } })).toContain(
      `${at}.github.repository: must be owner/name`,
    );
    expect(errorOf({ maxLlmRounds: 50 })).toContain(`${at}.maxLlmRounds: must be at most 10`);
    expect(errorOf({ github: { app: { appId: 1, installationId: 2 } } })).toContain(
      `${at}.github.app.privateKey: is required`,
    );
    expect(errorOf({ github: { app: { appId: 1, installationId: 2, privateKey: 'secret' } } })).toContain(
      `${at}.github.app.privateKey: must be the App private key in PEM format`,
    );
  });
});
