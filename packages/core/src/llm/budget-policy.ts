/** A project's monthly LLM budget in USD; null means no limit. */
export interface BudgetPolicy {
  monthlyBudgetUsd: number | null;
}

export type BudgetDecision =
  | { allowed: true; remainingUsd: number | null }
  | { allowed: false; spentUsd: number; monthlyBudgetUsd: number };

/**
 * Refuses once the month's spending has reached the budget. A call that starts just under the budget may
 * overshoot it by its own cost; the alternative, guessing a call's cost up front, refuses cheap calls too.
 */
export function checkBudget(policy: BudgetPolicy, spentThisMonthUsd: number): BudgetDecision {
  const budget = policy.monthlyBudgetUsd;
  if (budget === null) return { allowed: true, remainingUsd: null };
  if (spentThisMonthUsd >= budget) {
    return { allowed: false, spentUsd: spentThisMonthUsd, monthlyBudgetUsd: budget };
  }
  return { allowed: true, remainingUsd: budget - spentThisMonthUsd };
}

/** Budgets run per UTC calendar month, so every process and the database agree on the window. */
export function usageMonthStart(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}
