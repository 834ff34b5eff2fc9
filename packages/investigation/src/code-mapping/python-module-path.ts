/**
 * Repository path candidates for a Python frame from its dotted module (`myapp.services.cart`): the
 * module file, or the package's `__init__.py` when the frame's filename says so.
 */
export function pythonModulePaths(module: string | null, filename: string | null): string[] {
  if (!module || !/^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*$/.test(module)) return [];
  const base = module.split('.').join('/');
  const isPackage = filename !== null && /(^|[\\/])__init__\.py$/.test(filename);
  return isPackage ? [`${base}/__init__.py`] : [`${base}.py`, `${base}/__init__.py`];
}

/** Python frames: the platform says so, or the file is a `.py` file. */
export function isPythonFrame(frame: { platform?: string | null; paths: readonly string[] }): boolean {
  return frame.platform === 'python' || frame.paths.some((path) => /\.pyw?$/.test(path));
}
