/**
 * How far an agent (the deterministic bot or a configured LLM agent) may go, lowest first:
 * NONE does nothing, READ_ONLY investigates, SUGGEST proposes verified fixes for approval, MINOR_FIX may
 * also commit category A fixes, MAJOR_FIX may also commit category B fixes when the policy allows it.
 */
export const AGENT_PERMISSIONS = ['NONE', 'READ_ONLY', 'SUGGEST', 'MINOR_FIX', 'MAJOR_FIX'] as const;
export type AgentPermission = (typeof AGENT_PERMISSIONS)[number];

export function permissionAtLeast(permission: AgentPermission, minimum: AgentPermission): boolean {
  return AGENT_PERMISSIONS.indexOf(permission) >= AGENT_PERMISSIONS.indexOf(minimum);
}
