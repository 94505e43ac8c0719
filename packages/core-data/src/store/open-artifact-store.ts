// Picks the ArtifactStore adapter for a store URI by its scheme (file:// or s3://), and says which
// store a workspace uses when none is named.
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { UserError } from '../errors/user-error'
import { localPathOf, schemeOf } from '../sources/uri-scheme'
import type { ArtifactStore } from './artifact-store'
import { fileArtifactStore } from './file-store'
import { type S3StoreOptions, s3ArtifactStore } from './s3-store'

/** Names the store to use instead of the workspace's local one, e.g. `s3://my-artifacts/sagepack/`. */
export const ARTIFACT_STORE_ENV = 'SAGEPACK_ARTIFACT_STORE'

/** `env` and `partSize` are for s3:// stores, `baseDir` for a plain folder path. */
export interface OpenArtifactStoreOptions extends Pick<S3StoreOptions, 'env' | 'partSize'> {
  /** Folder a plain relative path is resolved against; the working directory by default. */
  baseDir?: string
}

type StoreFactory = (uri: string, options: OpenArtifactStoreOptions) => ArtifactStore

const factories = new Map<string, StoreFactory>([
  ['file', (uri, options) => fileArtifactStore(localPathOf(uri, options.baseDir))],
  ['s3', (uri, options) => s3ArtifactStore(uri, options)],
])

/** The store at `uri`: `file:///abs/dir/`, `s3://bucket/prefix/`, or a plain folder path. */
export function openArtifactStore(uri: string, options: OpenArtifactStoreOptions = {}): ArtifactStore {
  // A plain path is a folder, like a file:// URI.
  const scheme = schemeOf(uri) ?? 'file'
  const factory = factories.get(scheme)
  if (!factory) {
    throw new UserError({
      input: uri,
      problem: `no artifact store handles ${scheme}:// locations`,
      expected: 'file:///absolute/folder/, s3://bucket/prefix/, or a folder path',
      fix: `check --store or ${ARTIFACT_STORE_ENV}`,
    })
  }
  return factory(uri, options)
}

/** $SAGEPACK_ARTIFACT_STORE when set, else the workspace's own `.sagepack/store/` folder. */
export function defaultArtifactStoreUri(workspaceRoot: string, env: NodeJS.ProcessEnv = process.env): string {
  const named = env[ARTIFACT_STORE_ENV]?.trim()
  if (named) return named
  return pathToFileURL(join(workspaceRoot, '.sagepack', 'store', '/')).href
}
