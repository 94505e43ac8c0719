// The s3:// DataSource: one object, or every object under a prefix (a SageMaker channel's S3Prefix),
// read through the same S3 store adapter as artifacts.
import { UserError } from '../errors/user-error'
import type { ArtifactStore, StoredObject } from '../store/artifact-store'
import { type S3StoreOptions, s3ArtifactStore } from '../store/s3-store'
import { folderPrefixOf, parseS3Uri } from '../store/s3-uri'
import type { DataObject, DataSource } from './data-source'

/**
 * `s3://bucket/key`: the object with that key when there is one, else the objects under `key/` at
 * any depth, sorted by key, leaving out hidden names (a segment starting with '.') as local folders do.
 */
export function s3DataSource(uri: string, options: Pick<S3StoreOptions, 'client' | 'env'> = {}): DataSource {
  const { bucket, key } = parseS3Uri(uri)
  const prefix = folderPrefixOf(key)
  return {
    uri,
    async list() {
      const store = s3ArtifactStore(`s3://${bucket}/`, options)
      // A key ending in '/' (or none, the whole bucket) names a folder only.
      const single = prefix === key ? undefined : await store.head(key)
      if (single) return [dataObject(store, single)]
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
        .filter((object) => !isHidden(object.key.slice(prefix.length)))
        .map((object) => dataObject(store, object))
    },
  }
}

function isHidden(relativeKey: string): boolean {
  return relativeKey.split('/').some((name) => name.startsWith('.'))
}

function dataObject(store: ArtifactStore, object: StoredObject): DataObject {
  return { name: store.uri(object.key), size: object.size, open: () => store.openRead(object.key) }
}
