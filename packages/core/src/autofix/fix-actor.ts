/** Who did something to a fix attempt: a person (by user id) or an agent (the engine or an LLM agent). */
export type FixActor =
  | { kind: 'user'; userId: number; name?: string; role?: 'member' | 'admin' }
  | { kind: 'agent'; name: string };

export const AUTOFIX_AGENT: FixActor = { kind: 'agent', name: 'fixloop-autofix' };

export function describeFixActor(actor: FixActor): string {
  return actor.kind === 'user' ? `user ${actor.name ?? actor.userId}` : `agent ${actor.name}`;
}
