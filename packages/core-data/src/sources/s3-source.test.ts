import { PutObjectCommand } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { readDataset } from '../dataset/read-dataset'
import { UserError } from '../errors/user-error'
import type { DatasetSchema } from '../schema/feature-schema'
import { type S3TestServer, startS3TestServer } from '../testing/s3-test-server'
import { resolveDataSource } from './resolve-data-source'
import { s3DataSource } from './s3-source'

const schema: DatasetSchema = {
  features: [{ name: 'x', kind: 'numeric' }],
  label: { name: 'y', kind: 'class', classes: ['a', 'b'] },
}

let server: S3TestServer
let bucket: string

beforeAll(async () => {
  server = await startS3TestServer()
  bucket = server.bucket
  const objects: Record<string, string> = {
    'train/part-2.csv': 'x,y\n3,b\n',
    'train/part-1.csv': 'x,y\n1,a\n2,b\n',
    'train/nested/part-3.csv': 'x,y\n4,a\n',
    'train/.part-1.csv.crc': 'not data',
    'train/.spark/part-9.csv': 'x,y\nhidden,a\n',
    'train/_SUCCESS': '',
    'train/': '',
    'single.csv': 'x,y\n7,a\n',
    'bad/values.csv': 'x,y\nseven,a\n',
  }
  for (const [Key, Body] of Object.entries(objects)) {
    await server.client.send(new PutObjectCommand({ Bucket: bucket, Key, Body: Buffer.from(Body) }))
  }
})
afterAll(async () => {
  vi.unstubAllEnvs()
  await server?.close()
})

describe('the s3:// data source', () => {
  it('lists every object under a prefix at any depth, sorted, without hidden names or folder markers', async () => {
    const objects = await s3DataSource(`s3://${bucket}/train/`, { client: server.client }).list()
    expect(objects.map(({ name, size }) => ({ name, size }))).toEqual([
      { name: `s3://${bucket}/train/_SUCCESS`, size: 0 },
      { name: `s3://${bucket}/train/nested/part-3.csv`, size: 8 },
      { name: `s3://${bucket}/train/part-1.csv`, size: 12 },
      { name: `s3://${bucket}/train/part-2.csv`, size: 8 },
    ])
    // Without the trailing slash it is the same folder, not every key starting with "train".
    const withoutSlash = await s3DataSource(`s3://${bucket}/train`, { client: server.client }).list()
    expect(withoutSlash.map((object) => object.name)).toEqual(objects.map((object) => object.name))
  })

  it('reads CSV rows from a prefix through readDataset, with s3:// resolved from the environment', async () => {
    for (const [name, value] of Object.entries(server.env)) vi.stubEnv(name, value)
    const records = await readDataset(`s3://${bucket}/train/`, schema)
    expect(records).toEqual([
      { source: `s3://${bucket}/train/nested/part-3.csv`, line: 2, values: { x: 4, y: 'a' } },
      { source: `s3://${bucket}/train/part-1.csv`, line: 2, values: { x: 1, y: 'a' } },
      { source: `s3://${bucket}/train/part-1.csv`, line: 3, values: { x: 2, y: 'b' } },
      { source: `s3://${bucket}/train/part-2.csv`, line: 2, values: { x: 3, y: 'b' } },
    ])
    expect(resolveDataSource(`s3://${bucket}/single.csv`).uri).toBe(`s3://${bucket}/single.csv`)
    expect(await readDataset(`s3://${bucket}/single.csv`, schema)).toEqual([
      { source: `s3://${bucket}/single.csv`, line: 2, values: { x: 7, y: 'a' } },
    ])
  })

  it('reports a bad value with its object and line', async () => {
    const reading = readDataset(s3DataSource(`s3://${bucket}/bad/`, { client: server.client }), schema)
    await expect(reading).rejects.toBeInstanceOf(UserError)
    await expect(reading).rejects.toThrow(`s3://${bucket}/bad/values.csv:2`)
  })

  it('says when nothing is there', async () => {
    await expect(
      s3DataSource(`s3://${bucket}/nothing/here.csv`, { client: server.client }).list(),
    ).rejects.toThrow(
      `s3://${bucket}/nothing/here.csv: there is no object with this key, and no objects under it`,
    )
  })

  it('refuses a malformed URI before any request', () => {
    expect(() => resolveDataSource('s3://Not_A_Bucket/x')).toThrow(UserError)
  })
})
