// Picks the ArtifactStore adapter for a store URI by its scheme (file:// or s3://), and says which
// store a workspace uses when none is named.
import { join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { S3Client } from '@aws-sdk/client-s3'
import { UserError } from '../errors/user-error'
import { schemeOf } from '../sources/uri-scheme'
import type { ArtifactStore } from './artifact-store'
import { fileArtifactStore } from './file-store'
import { s3ArtifactStore } from './s3-store'

/** Names the store to use instead of the workspace's local one, e.g. `s3://my-artifacts/sagepack/`. */
export const ARTIFACT_STORE_ENV = 'SAGEPACK_ARTIFACT_STORE'

export interface OpenArtifactStoreOptions {
  /** For s3:// stores: the client to use instead of createS3Client(env). */
  s3Client?: S3Client
  /** For s3:// stores: bytes per multipart part (default 16 MiB; S3's minimum is 5 MiB). */
  partSize?: number
  /** For s3:// stores: the environment the client is configured from; process.env by default. */
  env?: NodeJS.ProcessEnv
  /** Folder a plain relative path is resolved against; the working directory by default. */
  baseDir?: string
}

type StoreFactory = (uri: string, options: OpenArtifactStoreOptions) => ArtifactStore

const factories = new Map<string, StoreFactory>([
  ['file', (uri) => fileArtifactStore(fileUriPath(uri))],
  [
    's3',
    (uri, options) =>
      s3ArtifactStore(uri, {
        ...(options.s3Client ? { client: options.s3Client } : {}),
        ...(options.partSize ? { partSize: options.partSize } : {}),
        ...(options.env ? { env: options.env } : {}),
      }),
  ],
])

/** The store at `uri`: `file:///abs/dir/`, `s3://bucket/prefix/`, or a plain folder path. */
export function openArtifactStore(uri: string, options: OpenArtifactStoreOptions = {}): ArtifactStore {
  const scheme = schemeOf(uri)
  if (scheme === undefined) return fileArtifactStore(resolve(options.baseDir ?? process.cwd(), uri))
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

function fileUriPath(uri: string): string {
  try {
    return fileURLToPath(uri)
  } catch (error) {
    throw new UserError(
      {
        input: uri,
        problem: `is not a usable file URI (${(error as Error).message})`,
        expected: 'file:///absolute/folder/ (three slashes, then an absolute path)',
        fix: 'write an absolute file:/// URI, or a plain folder path',
      },
      { cause: error },
    )
  }
}
