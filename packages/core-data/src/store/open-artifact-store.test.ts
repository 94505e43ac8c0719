import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { UserError } from '../errors/user-error'
import { bundleKey } from './content-addressed'
import { ARTIFACT_STORE_ENV, defaultArtifactStoreUri, openArtifactStore } from './open-artifact-store'
import { createS3Client } from './s3-client'
import { parseS3Uri } from './s3-uri'

describe('openArtifactStore', () => {
  it('picks the adapter by scheme, and always gives a root ending in /', () => {
    expect(openArtifactStore('s3://my-artifacts').root).toBe('s3://my-artifacts/')
    expect(openArtifactStore('s3://my-artifacts/team/a').root).toBe('s3://my-artifacts/team/a/')
    expect(openArtifactStore('s3://my-artifacts/team/').uri('iris/x.tar.gz')).toBe(
      's3://my-artifacts/team/iris/x.tar.gz',
    )
    expect(openArtifactStore('file:///srv/store').root).toBe('file:///srv/store/')
    expect(openArtifactStore('file:///srv/store/').root).toBe('file:///srv/store/')
    expect(openArtifactStore('shared/store', { baseDir: '/work' }).root).toBe('file:///work/shared/store/')
  })

  it('refuses a scheme it has no adapter for, and a file URI with a host', () => {
    expect(() => openArtifactStore('gs://bucket/x/')).toThrow(
      [
        'gs://bucket/x/: no artifact store handles gs:// locations',
        '  expected: file:///absolute/folder/, s3://bucket/prefix/, or a folder path',
        `  fix: check --store or ${ARTIFACT_STORE_ENV}`,
      ].join('\n'),
    )
    expect(() => openArtifactStore('file://server/share')).toThrow(UserError)
  })
})

describe('defaultArtifactStoreUri', () => {
  it('is $SAGEPACK_ARTIFACT_STORE when set, else the workspace .sagepack/store/ folder', () => {
    expect(ARTIFACT_STORE_ENV).toBe('SAGEPACK_ARTIFACT_STORE')
    expect(defaultArtifactStoreUri('/repo', { SAGEPACK_ARTIFACT_STORE: 's3://team-artifacts/ml/' })).toBe(
      's3://team-artifacts/ml/',
    )
    expect(defaultArtifactStoreUri('/repo', { SAGEPACK_ARTIFACT_STORE: '  ' })).toBe(
      `${pathToFileURL(join('/repo', '.sagepack', 'store')).href}/`,
    )
    expect(defaultArtifactStoreUri('/my repo', {})).toBe('file:///my%20repo/.sagepack/store/')
  })
})

describe('parseS3Uri', () => {
  it('splits bucket and key', () => {
    expect(parseS3Uri('s3://my-bucket/a/b.csv')).toEqual({ bucket: 'my-bucket', key: 'a/b.csv' })
    expect(parseS3Uri('s3://my-bucket/a/')).toEqual({ bucket: 'my-bucket', key: 'a/' })
    expect(parseS3Uri('s3://my-bucket')).toEqual({ bucket: 'my-bucket', key: '' })
    expect(parseS3Uri('S3://my.bucket/x')).toEqual({ bucket: 'my.bucket', key: 'x' })
  })

  it('names what is wrong with a bad URI', () => {
    expect(() => parseS3Uri('https://my-bucket/x')).toThrow('https://my-bucket/x: is not an S3 URI')
    expect(() => parseS3Uri('s3:///x')).toThrow('s3:///x: names no bucket')
    expect(() => parseS3Uri('s3://My_Bucket/x')).toThrow(
      's3://My_Bucket/x: "My_Bucket" is not a valid S3 bucket name\n  expected: s3://<bucket>/<key or prefix>',
    )
    expect(() => parseS3Uri('s3://ab/x')).toThrow(UserError)
  })
})

describe('bundleKey', () => {
  it('puts the digest in the key', () => {
    expect(bundleKey('iris', 'f'.repeat(64))).toBe(`iris/${'f'.repeat(64)}/model.tar.gz`)
    expect(() => bundleKey('iris', 'not-a-digest')).toThrow(TypeError)
  })
})

describe('createS3Client', () => {
  it('talks path-style to AWS_ENDPOINT_URL_S3 with checksums only when required', async () => {
    const client = createS3Client({
      AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:9000',
      AWS_REGION: 'eu-west-1',
      AWS_ACCESS_KEY_ID: 'id',
      AWS_SECRET_ACCESS_KEY: 'secret',
    })
    const endpoint = await client.config.endpoint?.()
    expect(endpoint).toMatchObject({ protocol: 'http:', hostname: '127.0.0.1', port: 9000 })
    expect(client.config.forcePathStyle).toBe(true)
    expect(await client.config.region()).toBe('eu-west-1')
    expect(await client.config.requestChecksumCalculation()).toBe('WHEN_REQUIRED')
    expect(await client.config.responseChecksumValidation()).toBe('WHEN_REQUIRED')
    expect(await client.config.maxAttempts()).toBe(5)
    expect(await client.config.credentials()).toMatchObject({ accessKeyId: 'id', secretAccessKey: 'secret' })
  })

  it('uses AWS S3 in us-east-1 by default', async () => {
    const client = createS3Client({ AWS_MAX_ATTEMPTS: '2' })
    expect(client.config.forcePathStyle).toBe(false)
    expect(await client.config.region()).toBe('us-east-1')
    expect(await client.config.maxAttempts()).toBe(2)
  })

  it('refuses an endpoint that is not an http(s) URL', () => {
    expect(() => createS3Client({ AWS_ENDPOINT_URL_S3: 'localhost:9000' })).toThrow(
      'AWS_ENDPOINT_URL_S3=localhost:9000: is not an http(s) URL',
    )
  })
})
