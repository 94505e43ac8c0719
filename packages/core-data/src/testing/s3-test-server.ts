// Test support: a real S3-compatible server (s3rver) on loopback, with one bucket, a log of the S3
// operations it served, and faults to inject. Shared by every package's S3 tests.
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import type { Server } from 'node:http'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { S3Client } from '@aws-sdk/client-s3'
import { createS3Client } from '../store/s3-client'

/** One request the server answered, named by the S3 operation it was. */
export interface RecordedRequest {
  operation: string
  method: string
  bucket: string
  key: string
  query: Record<string, string>
}

export interface S3TestServer {
  /** `http://127.0.0.1:<port>` */
  endpoint: string
  bucket: string
  /** AWS_ENDPOINT_URL_S3, credentials and region for this server: pass to createS3Client or a child process. */
  env: Record<string, string>
  /** A client from createS3Client(env). */
  client: S3Client
  /** Every request so far, in arrival order. */
  requests: RecordedRequest[]
  /** Answers matching requests with a 500 InternalError, `times` times (default: always). */
  failRequests(match: (request: RecordedRequest) => boolean, times?: number): void
  /** Forgets the recorded requests and the injected faults. */
  reset(): void
  /** Upload ids of multipart uploads started and neither completed nor aborted. */
  pendingUploads(): Promise<string[]>
  close(): Promise<void>
}

interface KoaContext {
  method: string
  path: string
  query: Record<string, string | string[] | undefined>
  status: number
  body: unknown
  type: string
}
type Middleware = (ctx: KoaContext, next: () => Promise<void>) => Promise<void>
interface S3rverInstance {
  middleware: Middleware[]
  store: { getResourcePath(bucket: string, key: string | undefined, resource: string): string }
  httpServer?: Server
  run(): Promise<{ port: number }>
  close(): Promise<void>
}
type S3rverConstructor = new (options: Record<string, unknown>) => S3rverInstance

// s3rver ships CommonJS without types; this is the little of it the tests use.
const S3rver = createRequire(import.meta.url)('s3rver') as S3rverConstructor

export async function startS3TestServer(options: { bucket?: string } = {}): Promise<S3TestServer> {
  const bucket = options.bucket ?? 'sagepack-test'
  const directory = await mkdtemp(join(tmpdir(), 'sagepack-s3rver-'))
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  })
  const requests: RecordedRequest[] = []
  const faults: Array<{ match: (request: RecordedRequest) => boolean; left: number }> = []
  const uploadsDir = () => server.store.getResourcePath(bucket, undefined, 'uploads')

  // Runs before s3rver's own router: records, injects faults, and answers AbortMultipartUpload,
  // which s3rver 3.7 does not implement (it answers MethodNotAllowed, and lib-storage would then
  // report that instead of the failure that made it abort).
  server.middleware.unshift(async (ctx, next) => {
    const request = recordOf(ctx)
    requests.push(request)
    const fault = faults.find((candidate) => candidate.left > 0 && candidate.match(request))
    if (fault) {
      fault.left--
      ctx.status = 500
      ctx.type = 'application/xml'
      ctx.body =
        '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>InternalError</Code><Message>injected by the test</Message></Error>'
      return
    }
    if (request.operation === 'AbortMultipartUpload') {
      const uploadId = request.query.uploadId ?? ''
      const known = (await readdir(uploadsDir()).catch((): string[] => [])).includes(uploadId)
      if (known && /^[0-9a-f]+$/.test(uploadId)) await rm(join(uploadsDir(), uploadId), { recursive: true })
      ctx.status = known ? 204 : 404
      if (!known) {
        ctx.type = 'application/xml'
        ctx.body = '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchUpload</Code></Error>'
      }
      return
    }
    await next()
  })

  const { port } = await server.run()
  const endpoint = `http://127.0.0.1:${port}`
  const env = {
    AWS_ENDPOINT_URL_S3: endpoint,
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    AWS_REGION: 'us-east-1',
  }
  const client = createS3Client(env)
  return {
    endpoint,
    bucket,
    env,
    client,
    requests,
    failRequests(match, times = Number.POSITIVE_INFINITY) {
      faults.push({ match, left: times })
    },
    reset() {
      requests.length = 0
      faults.length = 0
    },
    pendingUploads: async () => (await readdir(uploadsDir()).catch((): string[] => [])).sort(),
    async close() {
      client.destroy()
      // The SDK keeps connections alive; without this, close() would wait for them to time out.
      server.httpServer?.closeAllConnections()
      await server.close()
      await rm(directory, { recursive: true, force: true })
    },
  }
}

function recordOf(ctx: KoaContext): RecordedRequest {
  const query: Record<string, string> = {}
  for (const [name, value] of Object.entries(ctx.query)) query[name] = String(value ?? '')
  const [, bucket = '', ...rest] = ctx.path.split('/')
  const key = rest.map(decodeURIComponent).join('/')
  return { operation: operationOf(ctx.method, key, query), method: ctx.method, bucket, key, query }
}

function operationOf(method: string, key: string, query: Record<string, string>): string {
  const has = (name: string) => name in query
  if (key === '') {
    if (method === 'GET') return has('list-type') ? 'ListObjectsV2' : 'ListObjects'
    if (method === 'PUT') return 'CreateBucket'
    return `${method} bucket`
  }
  if (method === 'POST' && has('uploads')) return 'CreateMultipartUpload'
  if (method === 'POST' && has('uploadId')) return 'CompleteMultipartUpload'
  if (method === 'PUT' && has('uploadId')) return 'UploadPart'
  if (method === 'DELETE' && has('uploadId')) return 'AbortMultipartUpload'
  const plain: Record<string, string> = {
    GET: 'GetObject',
    HEAD: 'HeadObject',
    PUT: 'PutObject',
    DELETE: 'DeleteObject',
  }
  return plain[method] ?? method
}
