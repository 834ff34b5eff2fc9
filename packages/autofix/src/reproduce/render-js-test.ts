import type { TestFramework } from '@fixloop/core';
import type { ModuleStyle } from '../source/module-style.ts';
import { jsLiteral } from './js-literal.ts';

export interface JsTestSpec {
  framework: Exclude<TestFramework, 'pytest'>;
  style: ModuleStyle;
  /** Import specifier of the target module, relative to the test file. */
  specifier: string;
  title: string;
  /** Comment lines at the top: which event, which frame, where the arguments came from. */
  header: string[];
  /** A global error class (`TypeError`) node:assert filters on (another error still fails), or null. */
  errorClass: string | null;
  target:
    | {
        kind: 'call';
        exportName: string;
        localName: string;
        targetStyle: ModuleStyle;
        async: boolean;
        args: unknown[];
      }
    | { kind: 'import'; targetStyle: ModuleStyle };
}

/** A reproduction test in node:test, Mocha, Vitest or Jest, asserting the captured error no longer happens. */
export function renderJsTest(spec: JsTestSpec): string {
  const lines = [
    ...spec.header.map((line) => `// ${line}`),
    ...frameworkImports(spec),
    ...targetImport(spec),
    '',
  ];
  const testFn = spec.framework === 'mocha' ? 'it' : 'test';
  const body = assertion(spec);
  const isAsync = body.startsWith('await');
  lines.push(
    `${testFn}(${JSON.stringify(spec.title)}, ${isAsync ? 'async ' : ''}() => {`,
    `  ${body}`,
    '});',
    '',
  );
  return lines.join('\n');
}

function frameworkImports(spec: JsTestSpec): string[] {
  const esm = spec.style === 'esm';
  switch (spec.framework) {
    case 'node:test':
      return esm
        ? ["import { test } from 'node:test';", "import assert from 'node:assert/strict';"]
        : ["const { test } = require('node:test');", "const assert = require('node:assert/strict');"];
    case 'mocha':
      return [
        esm ? "import assert from 'node:assert/strict';" : "const assert = require('node:assert/strict');",
      ];
    case 'vitest':
      return ["import { expect, test } from 'vitest';"];
    case 'jest':
      return [];
  }
}

function targetImport(spec: JsTestSpec): string[] {
  const target = spec.target;
  if (target.kind === 'import') return [];
  const quoted = `'${spec.specifier}'`;
  const whole = target.exportName === 'default';
  if (spec.style === 'cjs') {
    return [
      whole
        ? `const ${target.localName} = require(${quoted});`
        : `const { ${target.exportName} } = require(${quoted});`,
    ];
  }
  if (whole) return [`import ${target.localName} from ${quoted};`];
  if (target.targetStyle === 'cjs' && spec.framework !== 'vitest') {
    return [
      `import ${target.localName}Module from ${quoted};`,
      '',
      `const { ${target.exportName} } = ${target.localName}Module;`,
    ];
  }
  return [`import { ${target.exportName} } from ${quoted};`];
}

function assertion(spec: JsTestSpec): string {
  const target = spec.target;
  const expectStyle = spec.framework === 'vitest' || spec.framework === 'jest';
  if (target.kind === 'import') {
    const load =
      target.targetStyle === 'esm'
        ? `import('${spec.specifier}')`
        : `Promise.resolve().then(() => require('${spec.specifier}'))`;
    return expectStyle
      ? `await expect(${load}).resolves.toBeDefined();`
      : `await assert.doesNotReject(() => ${load});`;
  }
  const call = `${target.exportName === 'default' ? target.localName : target.exportName}(${callArguments(target.args)})`;
  const filter = spec.errorClass ? `, ${spec.errorClass}` : '';
  // No class filter for expect(): `.not.toThrow(ReferenceError)` passes when a TypeError is thrown, so a
  // "fix" that only changes the error would verify. Unfiltered, the runner still prints the error's type.
  if (expectStyle) {
    return target.async
      ? `await expect(Promise.resolve().then(() => ${call})).resolves.not.toThrow();`
      : `expect(() => ${call}).not.toThrow();`;
  }
  return target.async
    ? `await assert.doesNotReject(async () => ${call}${filter});`
    : `assert.doesNotThrow(() => ${call}${filter});`;
}

/** The call's arguments, without trailing unknowns (`f(a, undefined)` is written `f(a)`). */
function callArguments(args: readonly unknown[]): string {
  const trimmed = [...args];
  while (trimmed.length > 0 && trimmed[trimmed.length - 1] === undefined) trimmed.pop();
  return trimmed.map((arg) => jsLiteral(arg, '  ')).join(', ');
}
