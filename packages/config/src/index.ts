export { loadConfig } from './load-config.ts';
export { loadClientConfig } from './load-client-config.ts';
export type { ClientConfig } from './load-client-config.ts';
export { LOG_LEVELS } from './config-schema.ts';
export type { ConfigFile, OrganizationConfig, ProjectConfig } from './config-schema.ts';
export type {
  DatabaseConfig,
  FixloopConfig,
  LogLevel,
  OrganizationBootstrap,
  ProjectBootstrap,
} from './fixloop-config.ts';
export type {
  AlertRuleConfigEntry,
  ChannelConfigEntry,
  OrganizationAlertsConfig,
  ProjectAlertsConfig,
} from './alerts-config-schema.ts';
export { autofixConfigSchema } from './autofix-config-schema.ts';
export type { AutofixConfig } from './autofix-config-schema.ts';
