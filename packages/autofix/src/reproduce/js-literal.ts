import { OpaqueValue } from '../event/frame-value.ts';

/** Source code placed verbatim where a value is expected (e.g. a stub `res` object). */
export class CodeSnippet {
  constructor(readonly code: string) {}
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const MAX_INLINE = 72;

/** A JavaScript expression for a decoded captured value, on one line when short, else indented. */
export function jsLiteral(value: unknown, indent = ''): string {
  if (value instanceof CodeSnippet) return value.code;
  if (value instanceof OpaqueValue)
    return `{} /* captured as <${value.description.replace(/\*\//g, '* /')}> */`;
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'NaN';
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value !== 'object') return JSON.stringify(value) ?? 'undefined';
  const inner = `${indent}  `;
  const parts = Array.isArray(value)
    ? value.map((item) => jsLiteral(item, inner))
    : Object.entries(value).map(
        ([key, item]) => `${IDENTIFIER.test(key) ? key : JSON.stringify(key)}: ${jsLiteral(item, inner)}`,
      );
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{ ', ' }'];
  if (parts.length === 0) return Array.isArray(value) ? '[]' : '{}';
  const inline = `${open}${parts.join(', ')}${close}`;
  if (inline.length <= MAX_INLINE && !inline.includes('\n')) return inline;
  return `${open.trim()}\n${parts.map((part) => `${inner}${part},`).join('\n')}\n${indent}${close.trim()}`;
}
