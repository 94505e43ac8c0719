// Picks the DataSource adapter for a dataset location by its URI scheme, so adapters such as s3://
// plug in from outside core-data without an `if` chain here.
import { UserError } from '../errors/user-error'
import type { DataSource } from './data-source'
import { fileDataSource } from './file-source'

export type DataSourceFactory = (uri: string) => DataSource

const factories = new Map<string, DataSourceFactory>([['file', (uri) => fileDataSource(uri)]])

/**
 * Makes `scheme://...` locations resolve through `factory` (replacing an earlier registration).
 * Returns a function that removes this registration again, for tests and plug-in teardown.
 */
export function registerDataSourceScheme(scheme: string, factory: DataSourceFactory): () => void {
  const key = scheme.toLowerCase()
  if (!/^[a-z][a-z0-9+.-]+$/.test(key)) {
    // A programming error, not a user's: the scheme comes from code.
    throw new TypeError(`registerDataSourceScheme: ${JSON.stringify(scheme)} is not a URI scheme like "s3"`)
  }
  factories.set(key, factory)
  return () => {
    if (factories.get(key) === factory) factories.delete(key)
  }
}

/** The schemes `resolveDataSource` accepts now, e.g. `['file', 's3']`. */
export function supportedDataSourceSchemes(): string[] {
  return [...factories.keys()].sort()
}

/** The DataSource for a plain path (resolved against `baseDir`) or a `scheme://` URI. */
export function resolveDataSource(uri: string, options: { baseDir?: string } = {}): DataSource {
  const scheme = schemeOf(uri)
  if (scheme === undefined) return fileDataSource(uri, { baseDir: options.baseDir })
  const factory = factories.get(scheme)
  if (!factory) {
    const supported = supportedDataSourceSchemes().map((name) => `${name}://`)
    throw new UserError({
      input: uri,
      problem: `no data source adapter handles ${scheme}:// locations`,
      expected: `a local path or a URI starting with ${supported.join(', ')}`,
      fix: 'use one of those, or copy the data to a local folder and give its path',
    })
  }
  return factory(uri)
}

/** The URI's scheme in lower case (`s3`, `file`), or undefined for a plain path. */
export function schemeOf(uri: string): string | undefined {
  // `file:/x` is a valid file URI without `//`; other schemes need `//` so that a relative path
  // with a colon (or a Windows drive, `C:\data`) is still taken as a path.
  if (/^file:/i.test(uri)) return 'file'
  return /^([a-z][a-z0-9+.-]+):\/\//i.exec(uri)?.[1]?.toLowerCase()
}
