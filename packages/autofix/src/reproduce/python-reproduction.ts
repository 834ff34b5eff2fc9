import { issueLabel, type ReproductionDraft, type ReproductionInput } from './generate-reproduction.ts';
import { findPythonCallTarget } from './python-call-target.ts';
import { renderPytest } from './render-pytest.ts';
import { testFileLocation } from './test-file-location.ts';

export async function pythonReproduction(
  input: ReproductionInput,
  name: string,
): Promise<ReproductionDraft | { reason: string }> {
  const target = await findPythonCallTarget(input.error, input.repo, input.mapPath, input.root);
  if (!target) return { reason: 'no module-level function on the stack has captured arguments' };
  const files = await input.repo.listFiles();
  const location = testFileLocation({ files, root: input.root, framework: 'pytest', targetPath: target.path, style: 'esm', packageType: null, name }); // prettier-ignore
  const label = issueLabel(input.issue);
  const header = [
    `Reproduces Fixloop issue ${label}: ${input.error.type}: ${input.error.value.split('\n')[0] ?? ''}`,
    `Calls ${target.module}.${target.functionName}() with the captured arguments.`,
  ];
  const content = renderPytest({
    target,
    errorType: input.error.type,
    testName: `test_${name.replace(/-/g, '_')}_${target.functionName}`,
    header,
  });
  return { path: location.path, content, description: header[1] ?? '' };
}
