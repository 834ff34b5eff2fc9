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
  const known = target.args.filter((arg) => arg.known);
  const call = `${target.functionName}(${known.map((arg) => `${arg.name}=${pythonLiteral(arg.value)}`).join(', ')})`;
  const caught = BUILTIN_EXCEPTIONS.has(input.errorType) ? input.errorType : 'Exception';
  const check =
    caught === 'Exception'
      ? [`        if type(error).__name__ != ${JSON.stringify(input.errorType)}:`, '            raise']
      : [];
  return [
    ...input.header.map((line) => `# ${line}`),
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
