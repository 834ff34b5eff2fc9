import type { AutofixSwitches } from '../autofix/autofix-switches.ts';

/** Reads the kill switches fresh on every call: the engine asks before every step of an attempt. */
export interface AutofixSwitchReader {
  read(projectId: number): Promise<AutofixSwitches>;
}
