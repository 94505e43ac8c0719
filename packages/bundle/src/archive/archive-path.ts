// The one rule for which paths may appear inside a bundle: relative POSIX paths that stay inside the
// folder they are extracted into, on every platform the bundle may be unpacked on.

/** Says what is wrong with an archive path, or undefined when it is safe. */
export function archivePathProblem(path: string): string | undefined {
  if (path === '') return 'the path is empty'
  if (path.includes('\0')) return 'the path contains a NUL byte'
  // A backslash is a separator on Windows, so `a\..\..\x` would escape there.
  if (path.includes('\\')) return 'the path contains a backslash'
  if (path.startsWith('/')) return 'the path is absolute'
  if (/^[A-Za-z]:/.test(path)) return 'the path starts with a drive letter'
  for (const segment of path.split('/')) {
    if (segment === '..') return 'the path contains `..`, which would point outside the bundle'
    if (segment === '.' || segment === '') return 'the path has an empty or `.` segment'
  }
  return undefined
}

/**
 * An entry's path as a bundle path: archives repacked with `tar -czf x.tar.gz -C dir .` name their
 * entries `./model.onnx`, which SageMaker reads as `model.onnx`, and so do we.
 */
export function bundlePathOf(entryPath: string): string {
  return entryPath.replace(/^(?:\.\/)+/, '')
}

/** Directory entries carry no data; a safe one (including `./` itself) is skipped, not refused. */
function isSafeDirectoryEntry(type: string, entryPath: string): boolean {
  if (type !== 'Directory') return false
  const path = bundlePathOf(entryPath).replace(/\/+$/, '')
  return path === '' || archivePathProblem(path) === undefined
}

/** What to do with one tar entry of a bundle, by the one rule both reading and extracting follow. */
export type BundleEntryVerdict =
  /** A safe directory entry: it carries no data, so it is skipped. */
  | { verdict: 'skip' }
  /** A regular file at a safe path: `path` is its bundle path. */
  | { verdict: 'file'; path: string }
  /** A link, device, FIFO, ... : bundles hold regular files only. */
  | { verdict: 'not-a-file'; path: string; problem: string }
  /** A regular file whose path could point outside the folder it is extracted into. */
  | { verdict: 'unsafe-path'; path: string; problem: string }

/** Judges a tar entry by node-tar's type name (`File`, `Directory`, `SymbolicLink`, ...) and its path. */
export function bundleEntryVerdict(type: string, entryPath: string): BundleEntryVerdict {
  if (isSafeDirectoryEntry(type, entryPath)) return { verdict: 'skip' }
  const path = bundlePathOf(entryPath)
  if (type !== 'File' && type !== 'OldFile') {
    return { verdict: 'not-a-file', path, problem: `a ${type} entry, but bundles hold regular files only` }
  }
  const problem = archivePathProblem(path)
  return problem ? { verdict: 'unsafe-path', path, problem } : { verdict: 'file', path }
}
