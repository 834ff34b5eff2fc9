import { pythonLiteral } from './python-literal.ts';
import type { PythonCallTarget } from './python-call-target.ts';

const BUILTIN_EXCEPTIONS = new Set([
  'TypeError', 'ValueError', 'KeyError', 'IndexError', 'AttributeError', 'NameError', 'ZeroDivisionError',
  'LookupError', 'ArithmeticError', 'RuntimeError', 'AssertionError', 'UnboundLocalError', 'RecursionError',
]); // prettier-ignore

/** A pytest test calling the function with the captured arguments, failing while the error still happens. */
export function renderPytest(input: {
  target: PythonCallTarget;
  errorType: string;
  testName: string;
  header: string[];
}): string {
  const { target } = input;
  const invocation = `${target.functionName}(${callArguments(target.args).join(', ')})`;
  // Calling an `async def` only creates a coroutine: the crash happens when it runs.
  const call = target.async ? `asyncio.run(${invocation})` : invocation;
  const caught = BUILTIN_EXCEPTIONS.has(input.errorType) ? input.errorType : 'Exception';
  const check =
    caught === 'Exception'
      ? [`        if type(error).__name__ != ${JSON.stringify(input.errorType)}:`, '            raise']
      : [];
  return [
    ...input.header.map((line) => `# ${line}`),
    ...(target.async ? ['import asyncio', ''] : []),
    'import pytest',
    '',
    `from ${target.module} import ${target.functionName}`,
    '',
    '',
    `def ${input.testName}():`,
    '    try:',
    `        ${call}`,
    `    except ${caught} as error:`,
    ...check,
    `        pytest.fail(f"${input.errorType}: {error}")`,
    '',
  ].join('\n');
}

/**
 * The captured arguments in Python's order: by position the positional-only ones (up to the first one
 * not captured) and, when `*args` was captured, the plain ones before it (all must be known, else `*args`
 * is left out and they go by keyword); then `*args`, the keywords and `**kwargs`.
 */
function callArguments(args: PythonCallTarget['args']): string[] {
  const hasVarargs = args.some((arg) => arg.kind === 'varargs' && arg.known && Array.isArray(arg.value));
  const byPosition = hasVarargs && args.every((arg) => arg.known || (arg.kind !== 'positional' && arg.kind !== 'normal')); // prettier-ignore
  const positional: string[] = [];
  const keywords: string[] = [];
  let placing = true;
  for (const arg of args) {
    const literal = pythonLiteral(arg.value);
    if (arg.kind === 'positional') {
      placing &&= arg.known;
      if (placing) positional.push(literal);
    } else if (arg.kind === 'normal' && byPosition) positional.push(literal);
    else if (arg.kind === 'varargs' && byPosition) positional.push(`*${literal}`);
    else if (arg.kind === 'varkw' && arg.known && isMapping(arg.value)) keywords.push(`**${literal}`);
    else if ((arg.kind === 'normal' || arg.kind === 'keyword') && arg.known) keywords.push(`${arg.name}=${literal}`); // prettier-ignore
  }
  return [...positional, ...keywords];
}

function isMapping(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
