import { describe, expect, it } from 'vitest';
import type { InvestigationJson } from '../api/types.ts';
import { toInvestigationView } from './to-investigation-view.ts';

const base: InvestigationJson = {
  id: '7',
  issueId: '3',
  projectId: '1',
  status: 'completed',
  trigger: 'auto',
  eventId: 'e',
  commitSha: 'abc',
  summary: 'applyCoupon reads a null coupon',
  confidence: 0.7,
  model: 'anthropic/claude-sonnet-4',
  promptTokens: 1200,
  completionTokens: 300,
  costUsd: 0.0081,
  error: null,
  markdown: null,
  dateCreated: '2026-01-01T00:00:00Z',
  dateFinished: '2026-01-01T00:00:09Z',
  report: {
    frames: [{ function: 'applyCoupon', repoPath: 'src/cart.js', line: 12, inApp: true }],
    relatedCode: {
      functionName: 'applyCoupon',
      hits: [{ kind: 'call', path: 'src/checkout.js', line: 31, text: '  applyCoupon(cart)' }],
    },
    suspectCommits: [
      {
        sha: 'abcdef1234',
        summary: 'coupons: optional',
        author: { name: 'Ada' },
        landedAt: '2026-01-01T00:00:00Z',
        score: 0.8,
        reasons: [],
      },
    ],
    similarIssues: [{ id: 9, shortId: 'SHOP-9', title: 'TypeError in cart', score: 0.6 }],
    runbooks: [{ path: 'runbooks/payments.md', title: 'Payments' }],
    analysis: {
      by: 'anthropic/claude-sonnet-4',
      rootCause: 'null coupon',
      likelyCauses: ['Coupon made optional in abcdef1', 'Cart fixture missing coupon'],
      confidence: 0.75,
      details: 'since release 1.4.2',
    },
  },
};

describe('toInvestigationView', () => {
  it('maps the report onto causes, files, commits, similar issues, runbooks, model and usage', () => {
    const view = toInvestigationView(base);
    expect(view.likelyCauses).toEqual([
      { title: 'Coupon made optional in abcdef1', confidence: 0.75, explanation: 'since release 1.4.2' },
      { title: 'Cart fixture missing coupon', confidence: null, explanation: '' },
    ]);
    expect(view.relatedFiles.map((f) => `${f.path}:${f.line}`)).toEqual([
      'src/cart.js:12',
      'src/checkout.js:31',
    ]);
    expect(view.suspectCommits[0]).toMatchObject({
      sha: 'abcdef1234',
      message: 'coupons: optional',
      author: 'Ada',
    });
    expect(view.similarIssues[0]).toEqual({
      id: '9',
      shortId: 'SHOP-9',
      title: 'TypeError in cart',
      similarity: 0.6,
    });
    expect(view.runbooks[0]).toEqual({ title: 'Payments', excerpt: 'runbooks/payments.md' });
    expect(view.model).toEqual({ provider: 'anthropic', name: 'claude-sonnet-4' });
    expect(view.usage).toEqual({ inputTokens: 1200, outputTokens: 300, costUsd: 0.0081 });
  });

  it('falls back to the deterministic evidence when no analyzer ran, and survives an empty report', () => {
    const view = toInvestigationView({
      ...base,
      model: null,
      promptTokens: 0,
      completionTokens: 0,
      costUsd: 0,
      report: {
        evidence: [
          { kind: 'culprit', summary: 'crash in src/cart.js:12' },
          { kind: 'runbook', summary: 'x' },
        ],
        confidence: { score: 0.4, reasons: ['+0.4 crash line mapped'] },
      },
    });
    expect(view.likelyCauses).toEqual([
      { title: 'crash in src/cart.js:12', confidence: 0.7, explanation: '+0.4 crash line mapped' },
    ]);
    expect(view.model).toBeNull();
    expect(view.usage).toBeNull();
    expect(toInvestigationView({ ...base, report: null, summary: null, status: 'running' }).summary).toBe(
      'Investigation in progress…',
    );
  });
});
