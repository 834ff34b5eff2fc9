/**
 * Built-in stack-trace rules, re-expressed from the behaviour of Sentry's enhancement base
 * `all-platforms:2023-01-11` (src/sentry/grouping/enhancer/enhancement-configs/). Only the rules that
 * matter for JavaScript, Node, Python, Go, Dart/Flutter on the web and generic dependency paths are
 * kept; the native/Cocoa/Android category rules are intentionally left out. Order matters: later
 * rules override earlier ones.
 */
const DEPENDENCY_PATHS = ['**/vendor/**', '**/site-packages/**', '**/dist-packages/**', '**/node_modules/**'];

const CDN_URLS = [
  'https://unpkg.com',
  'https://cdnjs.cloudflare.com',
  'https://cdn.jsdelivr.net',
  'https://esm.run',
];

/** JS helper/polyfill modules that are neither app code nor meaningful for grouping. */
const JS_HELPER_MODULES = ['@babel', 'core-js', 'regenerator-runtime', 'tslib'];

/** Runtime scheduling functions (Node's task queue and friends). */
const SCHEDULER_FUNCTIONS = [
  'runMicrotasks',
  'queueMicrotask',
  'processTicksAndRejections',
  'runNextTicks',
  'nextTick',
];

/** Sentry's own Dart packages: hidden from app code and grouping. */
const SENTRY_DART_PACKAGES = [
  'sentry',
  'sentry_flutter',
  'sentry_logging',
  'sentry_dio',
  'sentry_file',
  'sentry_hive',
  'sentry_isar',
  'sentry_sqflite',
  'sentry_drift',
];
const SENTRY_DART_APP_ONLY = ['sentry_link', 'sentry_firebase_remote_config'];

const JVM_NOT_APP = ['kotlin.*', 'kotlinx.*', 'io.ktor.*', 'io.netty.*'];
const JVM_FRAMEWORKS = [
  'akka',
  'com.fasterxml',
  'com.microsoft',
  'com.sun',
  'feign',
  'io.opentelemetry',
  'jdk',
  'oauth',
  'org.apache',
  'org.glassfish',
  'org.jboss',
  'org.jdesktop',
  'org.postgresql',
  'org.springframework',
  'org.web3j',
  'reactor.core',
  'scala',
  'sun',
];

function rules(): string[] {
  const out: string[] = [];
  out.push('family:javascript path:org-dartlang-sdk:///** -app -group');
  out.push('family:javascript module:**/packages/flutter/** -app');
  for (const pkg of SENTRY_DART_PACKAGES) out.push(`path:package:${pkg}/** -app -group`);
  for (const pkg of SENTRY_DART_APP_ONLY) out.push(`path:package:${pkg}/** -app`);
  for (const path of DEPENDENCY_PATHS) out.push(`path:${path} -app`);
  out.push('module:unpkg/** -app');
  for (const url of CDN_URLS) out.push(`path:**${url}/** -app`);
  out.push('family:javascript function:reportError ^-app -app');
  out.push('family:javascript path:webpack:** +app');
  out.push('family:javascript path:webpack:** filename:~/*** -app');
  out.push('family:javascript path:webpack:** filename:**/node_modules/** -app');
  out.push('family:javascript path:app:** +app');
  out.push('family:javascript path:app:** filename:**/node_modules/** -app');
  for (const mod of JS_HELPER_MODULES) out.push(`module:${mod}/** -app -group`);
  out.push('family:javascript function:_callSuper -app -group');
  for (const fn of SCHEDULER_FUNCTIONS) out.push(`function:${fn} -app -group`);
  out.push('path:**/go/pkg/mod/** -app');
  out.push('module:io.sentry.* -app -group');
  for (const mod of JVM_FRAMEWORKS) out.push(`module:${mod}.* -app`);
  for (const mod of JVM_NOT_APP) out.push(`module:${mod} -app`);
  out.push('module:newrelic -app -group');
  out.push('path:**/*newrelic*/** -app -group');
  out.push('path:**/*LogRocket*/** -app -group');
  return out;
}

export const BUILTIN_ENHANCEMENTS: string = rules().join('\n');
