import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_ID_MARK, buildEnvelopeTemplate } from './event-templates.ts';

/** Distinct issues in every load: the templates cycle through them. */
export const ISSUES = 300;

/**
 * Writes the load's envelope templates for wrk (`envelope-load.lua`), one per line with the envelope's
 * own newlines as __NL__. Returns the file and the mean request body as sent (the load generator puts a
 * 32-character id where the template has EVENT_ID_MARK).
 */
export function writeTemplateFile(dir: string, bytes: number): { file: string; meanBodyBytes: number } {
  const file = join(dir, `templates-${bytes}.txt`);
  const envelopes = Array.from({ length: ISSUES }, (_, i) => buildEnvelopeTemplate(i, bytes));
  const sent = (envelope: string) => Buffer.byteLength(envelope.replaceAll(EVENT_ID_MARK, '0'.repeat(32)));
  const total = envelopes.reduce((sum, envelope) => sum + sent(envelope), 0);
  writeFileSync(file, envelopes.map((envelope) => envelope.replaceAll('\n', '__NL__')).join('\n') + '\n');
  return { file, meanBodyBytes: Math.round(total / envelopes.length) };
}
