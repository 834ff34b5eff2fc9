/**
 * What a patch is allowed to do without a person: A (typos, imports, names) is committed when verified,
 * B (logic: guards, API or service code) waits for approval, C (UI, schema and migrations, payments, auth
 * and security, RLS, environment and config) is never auto-fixed and only proposed to admins.
 */
export const POLICY_CATEGORIES = ['A', 'B', 'C'] as const;
export type PolicyCategory = (typeof POLICY_CATEGORIES)[number];

/** The stricter of two categories (C is the strictest). */
export function stricterCategory(a: PolicyCategory, b: PolicyCategory): PolicyCategory {
  return POLICY_CATEGORIES.indexOf(a) >= POLICY_CATEGORIES.indexOf(b) ? a : b;
}
