// The s3:// ArtifactStore: objects under a bucket prefix, uploaded with lib-storage (multipart above
// one part, parts retried by the SDK), each with its SHA-256 in the `x-amz-meta-sha256` metadata.
import type { ListObjectsV2CommandOutput, S3Client } from '@aws-sdk/client-s3'
import { type ArtifactStore, noSuchObject, type StoredObject } from './artifact-store'
import { recordedSha256 } from './file-digest'
import { createS3Client, s3EndpointOf } from './s3-client'
import { explainS3Error, isNoSuchObject } from './s3-errors'
import { s3Sdk, s3UploadSdk } from './s3-sdk'
import { folderPrefixOf, parseS3Uri } from './s3-uri'
import { checkObjectKey, compareKeys } from './store-key'
import { openUploadSource } from './upload-source'
import { writeStreamAtomic } from './write-stream-atomic'

export interface S3StoreOptions {
  /** The client to use; by default one from createS3Client(env). */
  client?: S3Client
  /** Environment for the default client and for naming the endpoint in errors; process.env by default. */
  env?: NodeJS.ProcessEnv
  /** Bytes per multipart part (S3's minimum is 5 MiB); files up to one part go in a single PUT. */
  partSize?: number
}

/** 16 MiB parts: 4 in flight hold 64 MiB, and S3's 10,000-part limit still allows 156 GiB. */
const DEFAULT_PART_SIZE = 16 * 1024 * 1024
const PARTS_IN_FLIGHT = 4
/** The metadata name: S3 stores and returns it as the `x-amz-meta-sha256` header. */
const SHA256_METADATA = 'sha256'

export function s3ArtifactStore(uri: string, storeOptions: S3StoreOptions = {}): ArtifactStore {
  const { bucket, key: rootKey } = parseS3Uri(uri)
  const prefix = folderPrefixOf(rootKey)
  const root = `s3://${bucket}/${prefix}`
  const env = storeOptions.env ?? process.env
  const endpoint = s3EndpointOf(env)
  let client: S3Client | undefined
  const s3 = () => {
    client ??= storeOptions.client ?? createS3Client(env)
    return client
  }
  const objectKey = (key: string) => {
    checkObjectKey(key, root)
    return prefix + key
  }
  const uriOf = (key: string) => root + key
  /** Runs one S3 call, turning the failures a user can fix into UserErrors about `what`. */
  const call = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run()
    } catch (error) {
      throw explainS3Error(error, what, endpoint)
    }
  }

  const head = (key: string): Promise<StoredObject | undefined> =>
    call(uriOf(key), async () => {
      try {
        const { HeadObjectCommand } = s3Sdk()
        const found = await s3().send(new HeadObjectCommand({ Bucket: bucket, Key: objectKey(key) }))
        return storedObjectOf(key, found)
      } catch (error) {
        if (isNoSuchObject(error)) return undefined
        throw error
      }
    })

  const getObject = (key: string) =>
    call(uriOf(key), async () => {
      try {
        const { GetObjectCommand } = s3Sdk()
        return await s3().send(new GetObjectCommand({ Bucket: bucket, Key: objectKey(key) }))
      } catch (error) {
        if (!isNoSuchObject(error)) throw error
        throw noSuchObject(uriOf(key), error)
      }
    })

  return {
    root,
    uri: uriOf,
    head,

    async putFile(key, file, options = {}) {
      const Key = objectKey(key)
      const { size, sha256, body, release } = await openUploadSource(file, options)
      try {
        const { Upload } = s3UploadSdk()
        const upload = new Upload({
          client: s3(),
          params: {
            Bucket: bucket,
            Key,
            Body: body,
            ContentLength: size,
            ContentType: options.contentType ?? 'application/octet-stream',
            Metadata: { [SHA256_METADATA]: sha256 },
          },
          partSize: storeOptions.partSize ?? DEFAULT_PART_SIZE,
          queueSize: PARTS_IN_FLIGHT,
          // On failure lib-storage aborts the multipart upload: no parts are left to pay for, and no
          // object appears, since only CompleteMultipartUpload (or the single PUT) makes one.
          leavePartsOnError: false,
        })
        const onProgress = options.onProgress
        if (onProgress) {
          onProgress(0, size)
          upload.on('httpUploadProgress', (progress) =>
            onProgress(Math.min(progress.loaded ?? 0, size), size),
          )
        }
        await call(uriOf(key), () => upload.done())
      } finally {
        release()
        body.destroy()
      }
      // What the server kept, not what it acknowledged: an S3-compatible server that drops metadata
      // would leave objects whose downloads could never be checked.
      const stored = await head(key)
      if (stored?.size !== size || stored.sha256 !== sha256)
        throw notKeptAsSent(uriOf(key), stored, size, sha256)
      return stored
    },

    async getFile(key, file, options = {}) {
      const object = await getObject(key)
      const recorded = storedObjectOf(key, object)
      const written = await call(uriOf(key), () =>
        writeStreamAtomic(object.Body as NodeJS.ReadableStream, file, {
          uri: uriOf(key),
          expectedSha256: recorded.sha256,
          size: recorded.size,
          onProgress: options.onProgress,
        }),
      )
      return { key, ...written }
    },

    openRead: async (key) => (await getObject(key)).Body as NodeJS.ReadableStream,

    list: (listPrefix) =>
      call(uriOf(listPrefix), async () => {
        const { ListObjectsV2Command } = s3Sdk()
        const objects: StoredObject[] = []
        let token: string | undefined
        do {
          const page: ListObjectsV2CommandOutput = await s3().send(
            new ListObjectsV2Command({
              Bucket: bucket,
              Prefix: prefix + listPrefix,
              ContinuationToken: token,
            }),
          )
          for (const item of page.Contents ?? []) {
            // Keys ending in '/' are the folder markers consoles create, not objects.
            if (item.Key === undefined || item.Key.endsWith('/')) continue
            objects.push({ key: item.Key.slice(prefix.length), size: item.Size ?? 0 })
          }
          token = page.IsTruncated ? page.NextContinuationToken : undefined
        } while (token)
        return objects.sort((a, b) => compareKeys(a.key, b.key))
      }),
  }
}

/** The object as a HEAD or GET answer describes it, with the digest recorded in its metadata. */
function storedObjectOf(
  key: string,
  answer: { ContentLength?: number; Metadata?: Record<string, string> },
): StoredObject {
  return { key, size: answer.ContentLength ?? 0, sha256: recordedSha256(answer.Metadata?.[SHA256_METADATA]) }
}

function notKeptAsSent(uri: string, stored: StoredObject | undefined, size: number, sha256: string): Error {
  const found = stored ? `${stored.size} bytes with sha256 ${stored.sha256 ?? 'not recorded'}` : 'no object'
  return new Error(
    `${uri}: after the upload the server reports ${found}, not ${size} bytes with sha256 ${sha256}`,
  )
}
