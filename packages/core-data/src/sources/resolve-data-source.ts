// Picks the DataSource adapter for a dataset location by its URI scheme (file:// and s3:// built in),
// so further adapters plug in from outside core-data without an `if` chain here.
import { UserError } from '../errors/user-error'
import type { DataSource } from './data-source'
import { fileDataSource } from './file-source'
import { s3DataSource } from './s3-source'
import { schemeOf } from './uri-scheme'

export type DataSourceFactory = (uri: string) => DataSource

const factories = new Map<string, DataSourceFactory>([
  ['file', (uri) => fileDataSource(uri)],
  ['s3', (uri) => s3DataSource(uri)],
])

/**
 * Makes `scheme://...` locations resolve through `factory` (replacing an earlier registration).
 * Returns a function that undoes this registration, restoring the one it replaced, for tests and
 * plug-in teardown.
 */
export function registerDataSourceScheme(scheme: string, factory: DataSourceFactory): () => void {
  const key = scheme.toLowerCase()
  if (!/^[a-z][a-z0-9+.-]+$/.test(key)) {
    // A programming error, not a user's: the scheme comes from code.
    throw new TypeError(`registerDataSourceScheme: ${JSON.stringify(scheme)} is not a URI scheme like "s3"`)
  }
  const replaced = factories.get(key)
  factories.set(key, factory)
  return () => {
    if (factories.get(key) !== factory) return
    if (replaced) factories.set(key, replaced)
    else factories.delete(key)
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
