import type { TestFramework } from '@fixloop/core';

/** What the test script sets around its runner that the single reproduction run needs as well. */
export interface ScriptRunner {
  /** Variables set before the runner (`TZ=UTC jest`, `cross-env NODE_ENV=test vitest`), as written. */
  env: string[];
  /** Runner options that choose how tests load: `--config <file>`; Mocha's `--require <module>` too. */
  options: string[];
}

const WORD = /(?:[^\s'"]+|'[^']*'|"[^"]*")+/g;
const ASSIGNMENT = /^[A-Za-z_]\w*=/;
const RUNNER: Record<TestFramework, RegExp> = {
  vitest: /(?:^|\/)vitest$/,
  jest: /(?:^|\/)jest(?:\.js)?$/,
  mocha: /(?:^|\/)_?mocha$/,
  'node:test': /(?:^|\/)node$/,
  pytest: /$^/,
};
/**
 * Options followed by a value (`--opt=value` is kept as one word). Not `--root`/`--dir`/`--rootDir`: the
 * reproduction names its file, which such a root could leave outside.
 */
const VALUE_OPTIONS: Record<TestFramework, RegExp> = {
  vitest: /^(?:--config|-c)$/,
  jest: /^(?:--config|-c)$/,
  mocha: /^(?:--config|--require|-r)$/,
  'node:test': /$^/,
  pytest: /$^/,
};

/**
 * The env assignments and loading options of the script command that starts the runner. A Mocha suite
 * in TypeScript needs its `--require ts-node/register`, a Jest suite its `--config`, code reading `TZ`
 * the zone the suite runs in. NODE_OPTIONS is read separately (it becomes the run's node options).
 */
export function scriptRunner(script: string, framework: TestFramework): ScriptRunner {
  for (const command of script.split(/&&|\|\||;/)) {
    const words = command.match(WORD) ?? [];
    const at = words.findIndex((word) => RUNNER[framework].test(word));
    if (at < 0) continue;
    const env = words
      .slice(0, at)
      .filter((word) => ASSIGNMENT.test(word) && !word.startsWith('NODE_OPTIONS='));
    return { env, options: loadingOptions(words.slice(at + 1), VALUE_OPTIONS[framework]) };
  }
  return { env: [], options: [] };
}

function loadingOptions(words: string[], valued: RegExp): string[] {
  const options: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    const [name] = word.split('=');
    if (!valued.test(name ?? '')) continue;
    if (word.includes('=')) options.push(word);
    else if (words[i + 1] !== undefined) options.push(word, words[++i] ?? '');
  }
  return options;
}
