// The s3:// DataSource: one object, or every object under a prefix (a SageMaker channel's S3Prefix),
// read through the same S3 store adapter as artifacts.
import type { S3Client } from '@aws-sdk/client-s3'
import { UserError } from '../errors/user-error'
import type { ArtifactStore, StoredObject } from '../store/artifact-store'
import { s3ArtifactStore } from '../store/s3-store'
import { parseS3Uri } from '../store/s3-uri'
import type { DataObject, DataSource } from './data-source'

export interface S3DataSourceOptions {
  /** The client to use; by default one from createS3Client(env). */
  client?: S3Client
  /** Environment for the default client; process.env by default. */
  env?: NodeJS.ProcessEnv
}

/**
 * `s3://bucket/key`: the object with that key when there is one, else the objects under `key/` at
 * any depth, sorted by key, leaving out hidden names (a segment starting with '.') as local folders do.
 */
export function s3DataSource(uri: string, options: S3DataSourceOptions = {}): DataSource {
  const { bucket, key } = parseS3Uri(uri)
  return {
    uri,
    async list() {
      const store = s3ArtifactStore(`s3://${bucket}/`, {
        ...(options.client ? { client: options.client } : {}),
        ...(options.env ? { env: options.env } : {}),
      })
      if (key !== '' && !key.endsWith('/')) {
        const single = await store.head(key)
        if (single) return [dataObject(store, single)]
      }
      const prefix = key === '' || key.endsWith('/') ? key : `${key}/`
      const objects = await store.list(prefix)
      if (objects.length === 0) {
        throw new UserError({
          input: uri,
          problem: 'there is no object with this key, and no objects under it',
          expected: 'the key of a CSV or JSONL object, or a prefix of them',
          fix: `check the bucket and key (\`aws s3 ls ${uri}\` lists what is there)`,
        })
      }
      return objects
        .filter(
          (object) =>
            !object.key
              .slice(prefix.length)
              .split('/')
              .some((name) => name.startsWith('.')),
        )
        .map((object) => dataObject(store, object))
    },
  }
}

function dataObject(store: ArtifactStore, object: StoredObject): DataObject {
  return { name: store.uri(object.key), size: object.size, open: () => store.openRead(object.key) }
}
