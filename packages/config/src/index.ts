export { loadConfig } from './load-config.ts';
export { LOG_LEVELS } from './config-schema.ts';
export type { ConfigFile, OrganizationConfig, ProjectConfig } from './config-schema.ts';
export type {
  DatabaseConfig,
  FixloopConfig,
  LogLevel,
  OrganizationBootstrap,
  ProjectBootstrap,
} from './fixloop-config.ts';
