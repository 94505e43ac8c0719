// The port every dataset location implements (a local file or folder, an S3 prefix), so readers
// never care where bytes come from.
import type { Readable } from 'node:stream'

/** One readable object of a source: a file, or an S3 object under a prefix. */
export interface DataObject {
  /** Display name used in errors and in `DataRecord.source`, e.g. the file's absolute path. */
  name: string
  /** Size in bytes, when the source knows it without reading. */
  size?: number
  /** Opens the object for reading; fails with a UserError when it cannot be read. */
  open(): Promise<NodeJS.ReadableStream | Readable>
}

/**
 * A dataset location. A source may be one object or a folder/prefix of several (SageMaker channels
 * are folders): `list()` returns them in sorted order, without hidden files (names starting with '.').
 */
export interface DataSource {
  /** The location as the user wrote it. */
  readonly uri: string
  list(): Promise<DataObject[]>
}
