import { posix } from 'node:path';
import { moduleStyle } from '../source/module-style.ts';
import { parseSource } from '../source/parse-source.ts';
import { extensionConvention, relativeSpecifier } from '../source/relative-specifier.ts';
import { findCallTarget, type CallTarget } from './call-target.ts';
import { withCrashShape } from './crash-shape.ts';
import type { TestSetup } from './detect-test-setup.ts';
import { frameSites } from './frame-sites.ts';
import { issueLabel, type ReproductionDraft, type ReproductionInput } from './generate-reproduction.ts';
import { findImportTarget, isModuleNotFound, type ImportTarget } from './import-target.ts';
import { renderJsTest } from './render-js-test.ts';
import { testFileLocation } from './test-file-location.ts';

const GLOBAL_ERRORS = new Set([
  'TypeError',
  'ReferenceError',
  'RangeError',
  'SyntaxError',
  'URIError',
  'EvalError',
]);

export async function javascriptReproduction(
  input: ReproductionInput,
  setup: TestSetup,
  name: string,
): Promise<ReproductionDraft | { reason: string }> {
  const { error, repo } = input;
  const { sites, rebuilt } = withCrashShape(await frameSites(error, repo, input.mapPath), error);
  const target: CallTarget | ImportTarget | null = isModuleNotFound(error)
    ? findImportTarget(error, sites, input.mapPath)
    : (findCallTarget(sites, error.request) ?? findImportTarget(error, sites, input.mapPath));
  if (!target)
    return {
      reason: noTargetReason(
        sites.some((s) => s.frame.vars !== null),
        error.request !== null,
      ),
    };
  const text = await repo.readText(target.path);
  if (text === null) return { reason: `cannot read ${target.path}` };
  const source = parseSource(target.path, text);
  const targetStyle = moduleStyle(source, setup.packageType);
  const files = await repo.listFiles();
  const location = testFileLocation({ files, root: input.root, framework: setup.framework, targetPath: target.path, style: targetStyle, packageType: setup.packageType, name }); // prettier-ignore
  const specifier = relativeSpecifier(location.path, target.path, extensionConvention(source, targetStyle));
  const label = issueLabel(input.issue);
  const crash = sites.find((site) => site.path !== null);
  const where = crash
    ? `${crash.frame.function ?? '?'} (${crash.path}:${crash.frame.lineno ?? '?'})`
    : 'module loading';
  const header = [
    `Reproduces Fixloop issue ${label}: ${error.type}: ${error.value.split('\n')[0] ?? ''}`,
    `It crashed in ${where}.`,
  ];
  const localName = target.kind === 'call' ? localNameOf(target) : '';
  const subject =
    target.kind === 'call'
      ? `${target.exported.name === 'default' ? localName : target.exported.name}()`
      : target.path;
  header.push(
    target.kind === 'call'
      ? `Calls ${subject} from ${target.path} with ${target.evidence}.`
      : `Loads ${target.path}: ${target.why}.`,
  );
  if (rebuilt && target.kind === 'call' && target.evidence !== 'the request data') header.push(rebuilt);
  const content = renderJsTest({
    framework: setup.framework === 'pytest' ? 'node:test' : setup.framework,
    style: location.style,
    specifier,
    title: `issue ${label}: ${subject} ${target.kind === 'call' ? 'no longer throws' : 'loads without'} ${error.type}`,
    header,
    errorClass: GLOBAL_ERRORS.has(error.type) && target.kind === 'call' ? error.type : null,
    target:
      target.kind === 'call'
        ? {
            kind: 'call',
            exportName: target.exported.name,
            localName,
            targetStyle,
            async: target.async,
            args: target.args,
          }
        : { kind: 'import', targetStyle },
  });
  return { path: location.path, content, description: header.slice(1).join(' ') };
}

function localNameOf(target: CallTarget): string {
  if (target.exported.name !== 'default') return target.exported.name;
  const fnName =
    target.exported.fn && 'name' in target.exported.fn ? target.exported.fn.name?.getText() : undefined;
  const base = posix.basename(target.path).replace(/\.[^.]+$/, '');
  return fnName ?? base.replace(/[-.](\w)/g, (_, c: string) => c.toUpperCase()).replace(/^\d/, '_$&');
}

function noTargetReason(hasVars: boolean, hasRequest: boolean): string {
  if (!hasVars && !hasRequest) {
    return 'the event has no captured arguments (frame vars) and no request data to call the code with';
  }
  return 'no exported function on the stack could be called with the captured arguments';
}
