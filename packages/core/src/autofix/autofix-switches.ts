/**
 * The kill switch: autofix runs only while both the global and the project's switch are on. Turning either
 * off stops new attempts and stops running ones before their next step.
 */
export interface AutofixSwitches {
  globalEnabled: boolean;
  projectEnabled: boolean;
}

export type KillSwitchVerdict = { allowed: true } | { allowed: false; reason: string };

export function checkKillSwitch(switches: AutofixSwitches): KillSwitchVerdict {
  if (!switches.globalEnabled) return { allowed: false, reason: 'autofix is switched off globally' };
  if (!switches.projectEnabled) return { allowed: false, reason: 'autofix is switched off for this project' };
  return { allowed: true };
}
