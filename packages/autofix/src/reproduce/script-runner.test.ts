import { describe, expect, it } from 'vitest';
import { scriptRunner } from './script-runner.ts';

describe('scriptRunner', () => {
  it('keeps the variables set before the runner, as written, but not NODE_OPTIONS', () => {
    expect(scriptRunner('TZ=UTC NODE_OPTIONS=--no-warnings jest', 'jest')).toEqual({ env: ['TZ=UTC'], options: [] }); // prettier-ignore
    expect(scriptRunner("cross-env NODE_ENV=test LANG='de_DE.UTF-8' vitest run", 'vitest')).toEqual({
      env: ['NODE_ENV=test', "LANG='de_DE.UTF-8'"],
      options: [],
    });
    expect(scriptRunner('TZ=UTC node --test', 'node:test')).toEqual({ env: ['TZ=UTC'], options: [] });
  });

  it('keeps the options that choose how tests load, in both spellings', () => {
    expect(scriptRunner('jest --config jest.unit.config.js --coverage', 'jest').options).toEqual(['--config', 'jest.unit.config.js']); // prettier-ignore
    expect(scriptRunner('npx vitest run -c vitest.unit.ts --reporter=dot', 'vitest').options).toEqual(['-c', 'vitest.unit.ts']); // prettier-ignore
    expect(scriptRunner('mocha -r ts-node/register --require=./test/setup.js --extension ts --timeout 5000 "test/**/*.ts"', 'mocha').options).toEqual(['-r', 'ts-node/register', '--require=./test/setup.js']); // prettier-ignore
    expect(scriptRunner('node node_modules/jest/bin/jest.js -c jest.json', 'jest').options).toEqual(['-c', 'jest.json']); // prettier-ignore
    expect(scriptRunner('vitest run --dir src --root . -c v.ts', 'vitest').options).toEqual(['-c', 'v.ts']);
  });

  it('reads only the command that starts the runner', () => {
    const script = 'DEBUG=1 npm run build && TZ=UTC jest --config a.js; echo done --config b.js';
    expect(scriptRunner(script, 'jest')).toEqual({ env: ['TZ=UTC'], options: ['--config', 'a.js'] });
    expect(scriptRunner('eslint . && echo ok', 'vitest')).toEqual({ env: [], options: [] });
  });
});
