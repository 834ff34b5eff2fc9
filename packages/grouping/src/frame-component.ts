import { GroupingComponent } from './grouping-component.ts';
import { behaviorFamily } from './frame-matchers.ts';
import type { StackFrame } from './stack-frame.ts';

/** Platforms whose context lines are trusted for grouping (newstyle config). */
const CONTEXT_LINE_PLATFORMS = new Set(['javascript', 'node', 'python', 'php', 'ruby']);
const UNKNOWN_JS_FUNCTIONS = new Set(['?', '<anonymous function>', '<anonymous>', 'Anonymous function']);
const LOW_QUALITY_JS_PATHS = new Set(['[native code]', 'native code', 'eval code', '<anonymous>']);
const URL_ORIGIN = /^(?:http:|https:|applewebdata:|blob:)/;

/** Sentry's `has_url_origin` without file origins. */
export function hasUrlOrigin(path: string | undefined): boolean {
  return path !== undefined && URL_ORIGIN.test(path);
}

function filenameComponent(frame: StackFrame): GroupingComponent {
  if (frame.filename === undefined) return new GroupingComponent('filename');
  const path = frame.filename;
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1).toLowerCase();
  const component = new GroupingComponent('filename', [name]);
  if (hasUrlOrigin(frame.absPath)) component.setContributes(false, 'frame points to a URL');
  else if (name === '<anonymous>') component.setContributes(false, 'anonymous filename');
  else if (name === '[native code]') component.setContributes(false, 'native code');
  return component;
}

function moduleComponent(frame: StackFrame, platform: string): GroupingComponent {
  const module = frame.module;
  if (module === undefined) return new GroupingComponent('module');
  const component = new GroupingComponent('module', [module]);
  if (platform === 'javascript' && module.includes('/') && frame.absPath?.endsWith(module)) {
    component.setContributes(false, 'bad javascript module');
  }
  return component;
}

function codePointLength(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

function contextLineComponent(frame: StackFrame, family: string): GroupingComponent {
  const raw = frame.contextLine ?? '';
  // Same as split(/\s+/) + dropping empty parts + join(' '): trim() strips exactly the \s set.
  const line = raw.trim().replace(/\s+/g, ' ');
  if (!line) return new GroupingComponent('context-line');
  const component = new GroupingComponent('context-line', [line]);
  if (raw.length > 120 && codePointLength(raw) > 120) component.setContributes(false, 'line too long');
  else if (family === 'javascript' && !frame.function && hasUrlOrigin(frame.absPath)) {
    component.setContributes(false, 'URL origin and no function');
  }
  return component;
}

function functionComponent(frame: StackFrame, platform: string, family: string, ctx: boolean) {
  const func =
    platform === 'csharp' ? (frame.rawFunction ?? frame.function) : (frame.function ?? frame.rawFunction);
  if (!func) return new GroupingComponent('function');
  const component = new GroupingComponent('function', [func]);
  if (platform === 'ruby') {
    component.values = [func.startsWith('block ') ? 'block' : func.replace(/__\d{4,}_\d{4,}$/, '')];
  } else if (platform === 'php') {
    if (func.startsWith('[Anonymous') || func.startsWith('class@anonymous\x00'))
      component.setContributes(false);
  } else if (platform === 'java') {
    if (func.startsWith('lambda$')) component.setContributes(false, 'lambda');
  } else if (family === 'native') {
    if (func === '<redacted>' || func === '<unknown>') component.setContributes(false, 'unknown function');
  } else if (family === 'javascript') {
    component.values = [func.slice(func.lastIndexOf('.') + 1)];
    if (frame.sourcemap && ctx) component.setContributes(false, 'sourcemap used and context line available');
  }
  return component;
}

/** Builds one frame's component (newstyle `frame:v1` with JavaScript fuzzing). */
export function frameComponent(
  frame: StackFrame,
  eventPlatform: string,
  isRecursion: boolean,
): GroupingComponent {
  const platform = frame.platform ?? eventPlatform;
  const family = behaviorFamily(platform);
  const filename = filenameComponent(frame);
  const module = moduleComponent(frame, platform);
  if (module.contributes && filename.contributes) filename.setContributes(false, 'module takes precedence');
  const contextLine = CONTEXT_LINE_PLATFORMS.has(platform) ? contextLineComponent(frame, family) : null;
  const func = functionComponent(frame, platform, family, contextLine?.contributes ?? false);
  const values = [module, filename, func];
  if (contextLine) values.push(contextLine);
  const component = new GroupingComponent('frame', values);
  if (family === 'javascript') {
    const raw = frame.rawFunction ?? frame.function;
    const name = raw ? raw.slice(raw.lastIndexOf('.') + 1) : '';
    if (!name) func.setContributes(false);
    else if (UNKNOWN_JS_FUNCTIONS.has(name) || name.endsWith('/<'))
      func.setContributes(false, 'unknown function name');
    if (name === 'eval' || (frame.absPath !== undefined && LOW_QUALITY_JS_PATHS.has(frame.absPath))) {
      component.setContributes(false, 'low quality javascript frame');
    }
  }
  if (isRecursion) component.setContributes(false, 'recursion');
  return component;
}

const RECURSION_FIELDS = ['absPath', 'package', 'module', 'filename', 'function', 'lineno', 'colno'] as const;

export function isRecursion(frame: StackFrame, previous: StackFrame | undefined): boolean {
  if (!previous) return false;
  return RECURSION_FIELDS.every((field) => frame[field] === previous[field]);
}
