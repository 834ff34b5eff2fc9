import { describe, expect, it } from 'vitest';
import { fixContextFor, proposeWith } from '../../test/support/fix-context-for.ts';
import { ModulePathFixer } from './module-path-fixer.ts';

function moduleNotFound(value: string) {
  const frames = [
    { filename: 'node:internal/modules/esm/resolve', function: 'finalizeResolution', in_app: false },
  ];
  return { platform: 'node', exception: { values: [{ type: 'Error', value, stacktrace: { frames } }] } };
}

describe('ModulePathFixer', () => {
  const fixer = new ModulePathFixer();

  it('fixes the letter case of an ESM import named in ERR_MODULE_NOT_FOUND', async () => {
    const app = "import { slugify } from './lib/Slugify.js';\nexport const x = slugify('a');\n";
    const files = {
      'package.json': '{"type":"module"}',
      'src/app.js': app,
      'src/lib/slugify.js': 'export function slugify() {}\n',
    };
    const event = moduleNotFound(
      "Cannot find module '/srv/app/src/lib/Slugify.js' imported from /srv/app/src/app.js",
    );
    const result = await proposeWith(fixer, await fixContextFor(files, event));
    if (!result.ok) throw new Error(result.reason);
    expect(result.path).toBe('src/app.js');
    expect(result.after).toBe(app.replace('./lib/Slugify.js', './lib/slugify.js'));
    expect(result.candidate.rootCause).toContain('letter case');
  });

  it('adds the extension Node ESM needs', async () => {
    const app = "import { slugify } from './slugify';\n";
    const files = { 'package.json': '{"type":"module"}', 'src/app.js': app, 'src/slugify.js': '' };
    const event = moduleNotFound(
      "Cannot find module '/srv/app/src/slugify' imported from /srv/app/src/app.js",
    );
    const result = await proposeWith(fixer, await fixContextFor(files, event));
    expect(result.ok && result.after).toBe("import { slugify } from './slugify.js';\n");
  });

  it('fixes a CommonJS require from the require stack, keeping it extensionless', async () => {
    const app = "const util = require('./Util');\nmodule.exports = util;\n";
    const files = { 'lib/app.js': app, 'lib/util.js': '' };
    const event = moduleNotFound(
      "Cannot find module './Util'\nRequire stack:\n- /srv/app/lib/app.js\n- /srv/app/index.js",
    );
    const result = await proposeWith(fixer, await fixContextFor(files, event));
    expect(result.ok && result.after).toBe("const util = require('./util');\nmodule.exports = util;\n");
  });

  it('refuses when no file matches up to case and extension', async () => {
    const app = "import { x } from './missing.js';\n";
    const event = moduleNotFound(
      "Cannot find module '/srv/app/src/missing.js' imported from /srv/app/src/app.js",
    );
    const result = await proposeWith(
      fixer,
      await fixContextFor({ 'src/app.js': app, 'src/other.js': '' }, event),
    );
    expect(result).toMatchObject({ ok: false });
  });
});
