export { GitCliWorkspace, type GitCliWorkspaceOptions } from './git-cli-workspace.ts';
export { DEFAULT_BOT_IDENTITY } from './git-context.ts';
export { RipgrepCodeSearch } from './ripgrep-code-search.ts';
export { BuiltinCodeSearch } from './builtin-code-search.ts';
export { createCodeSearch, type CodeSearchFactoryOptions } from './create-code-search.ts';
export { repositorySlug } from './repository-slug.ts';
export {
  parseRemoteUrl,
  splitUrlCredentials,
  withoutCredentials,
  type RemoteUrl,
  type RemoteKind,
} from './remote-url.ts';
export type { TokenSource } from './remote-credentials.ts';
