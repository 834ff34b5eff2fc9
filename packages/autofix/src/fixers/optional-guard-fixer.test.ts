import { describe, expect, it } from 'vitest';
import { fixContextFor, nodeEvent, positionOf, proposeWith } from '../../test/support/fix-context-for.ts';
import { OptionalGuardFixer } from './optional-guard-fixer.ts';

const READING = "Cannot read properties of undefined (reading 'name')";

describe('OptionalGuardFixer', () => {
  const fixer = new OptionalGuardFixer();

  it('guards with the default the code uses elsewhere, as category B', async () => {
    const text = [
      'export function greeting(order) {',
      "  return 'Hello ' + order.customer.name;",
      '}',
      'export function label(order) {',
      "  return order.customer?.name ?? 'guest';",
      '}',
      '',
    ].join('\n');
    const event = nodeEvent('TypeError', READING, [
      { path: 'src/o.js', fn: 'greeting', ...positionOf(text, 'name') },
    ]);
    const result = await proposeWith(fixer, await fixContextFor({ 'src/o.js': text }, event));
    if (!result.ok) throw new Error(result.reason);
    expect(result.after).toBe(
      text.replace("'Hello ' + order.customer.name", "'Hello ' + (order.customer?.name ?? 'guest')"),
    );
    expect(result.candidate.category).toBe('B');
    expect(result.candidate.rootCause).toContain('optional chaining on order.customer');
  });

  it('uses a nullable TypeScript type as evidence and keeps the chain', async () => {
    const text =
      'interface User {\n  profile?: { city: string };\n}\nexport function city(user: User) {\n  return user.profile.city.toUpperCase();\n}\n';
    const event = nodeEvent('TypeError', "Cannot read properties of undefined (reading 'city')", [
      { path: 'src/u.ts', fn: 'city', ...positionOf(text, 'city', 2) },
    ]);
    const result = await proposeWith(fixer, await fixContextFor({ 'src/u.ts': text }, event));
    if (!result.ok) throw new Error(result.reason);
    expect(result.after).toContain('return user.profile?.city.toUpperCase();');
    expect(result.candidate.rootCause).toContain('profile is declared profile?:');
  });

  it('treats a field of parsed JSON as optional', async () => {
    const text =
      'export function parse(raw) {\n  const data = JSON.parse(raw);\n  return data.meta.name;\n}\n';
    const event = nodeEvent('TypeError', READING, [
      { path: 'src/p.js', fn: 'parse', ...positionOf(text, 'name') },
    ]);
    const result = await proposeWith(fixer, await fixContextFor({ 'src/p.js': text }, event));
    expect(result.ok && result.after).toContain('return data.meta?.name;');
  });

  it('refuses without evidence that the value is optional', async () => {
    const text = 'export function greeting(order) {\n  return order.customer.name;\n}\n';
    const event = nodeEvent('TypeError', READING, [
      { path: 'src/o.js', fn: 'greeting', ...positionOf(text, 'name') },
    ]);
    const result = await proposeWith(fixer, await fixContextFor({ 'src/o.js': text }, event));
    expect(result).toMatchObject({
      ok: false,
      reason: 'nothing in src/o.js shows order.customer may be missing',
    });
  });
});
