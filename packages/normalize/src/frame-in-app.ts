/**
 * Frames from third-party or runtime code are not the app's. Sentry leaves `in_app` unset when it cannot
 * tell, so this only answers `false` for paths that are certainly not app code, else null.
 */
const NOT_APP = [
  /[\\/]node_modules[\\/]/,
  /[\\/](site|dist)-packages[\\/]/,
  /^node:/,
  /^internal[\\/]/,
  /^(native|<anonymous>|\[native code\])$/,
];

export function defaultInApp(frame: {
  filename?: unknown;
  abs_path?: unknown;
  module?: unknown;
}): boolean | null {
  for (const candidate of [frame.abs_path, frame.filename]) {
    if (typeof candidate === 'string' && NOT_APP.some((re) => re.test(candidate))) return false;
  }
  return null;
}
