/**
 * A kill switch row. No row means on. The instance switch stops every organization, an organization's
 * switch its projects, a project's switch that project; autofix runs only while all three are on.
 */
export type AutofixSwitchScope = 'instance' | 'organization' | 'project';

export interface AutofixSwitchRecord {
  scope: AutofixSwitchScope;
  /** 0 for the instance, else the organization or project id. */
  scopeId: number;
  enabled: boolean;
  /** Who flipped it last (a principal label), and when. */
  updatedBy: string | null;
  updatedAt: Date | null;
}
