/**
 * How a project's stack-trace paths relate to files in its repository. `stackRoot` is a prefix of the
 * path as seen at runtime (`/app/`, `webpack:///./`, `app:///`, or a Python module prefix such as `myapp.`),
 * `sourceRoot` the folder in the repository it corresponds to (`""` for the repository root).
 */
export interface CodeMapping {
  stackRoot: string;
  sourceRoot: string;
}

/** A project's connection to a git repository, as written in the config file or settings. */
export interface RepositorySettings {
  /** https, ssh (`git@host:org/repo.git`, `ssh://…`), `file://…`, or a local path. */
  url: string;
  /** The branch fixes are proposed against; defaults to the remote's default branch. */
  baseBranch?: string;
  /** The review branch Fixloop commits verified fixes to. */
  fixBranch?: string;
  testCommand?: string;
  installCommand?: string;
  /** A monorepo subfolder that holds the project, relative to the repository root. */
  root?: string;
  /** An https access token; never written to disk by the git adapter. */
  token?: string;
  codeMappings?: CodeMapping[];
  /** Folder (relative to the repository root) holding runbook markdown files. */
  runbooksDir?: string;
  /** Branches Fixloop must never write to, in addition to the base branch, main, master and staging. */
  protectedBranches?: string[];
}

/** Settings with every default applied. `baseBranch` stays optional: only the remote knows its default. */
export type ResolvedRepositorySettings = Required<
  Pick<
    RepositorySettings,
    'url' | 'fixBranch' | 'testCommand' | 'runbooksDir' | 'codeMappings' | 'protectedBranches'
  >
> &
  Pick<RepositorySettings, 'baseBranch' | 'installCommand' | 'root' | 'token'>;

export const REPOSITORY_DEFAULTS = {
  fixBranch: 'fixloop',
  testCommand: 'npm test',
  runbooksDir: 'runbooks',
} as const;

export function withRepositoryDefaults(settings: RepositorySettings): ResolvedRepositorySettings {
  return {
    ...settings,
    fixBranch: settings.fixBranch || REPOSITORY_DEFAULTS.fixBranch,
    testCommand: settings.testCommand || REPOSITORY_DEFAULTS.testCommand,
    runbooksDir: trimSlashes(settings.runbooksDir || REPOSITORY_DEFAULTS.runbooksDir),
    codeMappings: settings.codeMappings ?? [],
    protectedBranches: settings.protectedBranches ?? [],
    root: settings.root ? trimSlashes(settings.root) || undefined : undefined,
  };
}

function trimSlashes(path: string): string {
  return path.replace(/\\/g, '/').replace(/^\.?\/+|\/+$/g, '');
}
