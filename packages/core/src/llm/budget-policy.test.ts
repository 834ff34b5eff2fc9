import { describe, expect, it } from 'vitest';
import { checkBudget, usageMonthStart } from './budget-policy.ts';

describe('checkBudget', () => {
  it('allows while spending is under the budget and says what remains', () => {
    expect(checkBudget({ monthlyBudgetUsd: 10 }, 9.5)).toEqual({ allowed: true, remainingUsd: 0.5 });
  });

  it('refuses once the budget is reached or passed', () => {
    expect(checkBudget({ monthlyBudgetUsd: 10 }, 10)).toEqual({
      allowed: false,
      spentUsd: 10,
      monthlyBudgetUsd: 10,
    });
    expect(checkBudget({ monthlyBudgetUsd: 10 }, 12).allowed).toBe(false);
  });

  it('a zero budget refuses everything; no budget allows everything', () => {
    expect(checkBudget({ monthlyBudgetUsd: 0 }, 0).allowed).toBe(false);
    expect(checkBudget({ monthlyBudgetUsd: null }, 1e9)).toEqual({ allowed: true, remainingUsd: null });
  });
});

describe('usageMonthStart', () => {
  it('is the first instant of the UTC month', () => {
    expect(usageMonthStart(new Date('2026-03-31T23:59:59.999Z')).toISOString()).toBe(
      '2026-03-01T00:00:00.000Z',
    );
    expect(usageMonthStart(new Date('2026-04-01T00:00:00.000Z')).toISOString()).toBe(
      '2026-04-01T00:00:00.000Z',
    );
  });
});
