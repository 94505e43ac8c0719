// Loads the AWS S3 SDK on first use. Importing @sagepack/core-data must not cost every command, serve
// worker and model process the quarter second @aws-sdk/client-s3 takes to load when only local files
// are used, nor put 1.3 MB of SDK into every esbuild bundle that reads a dataset.
import { createRequire } from 'node:module'

export type S3Sdk = typeof import('@aws-sdk/client-s3')
export type S3UploadSdk = typeof import('@aws-sdk/lib-storage')

// A require that bundlers leave alone; both packages ship CommonJS, the copy `import` would load too.
const load = createRequire(import.meta.url)
let sdk: S3Sdk | undefined
let uploadSdk: S3UploadSdk | undefined

export function s3Sdk(): S3Sdk {
  sdk ??= load('@aws-sdk/client-s3') as S3Sdk
  return sdk
}

export function s3UploadSdk(): S3UploadSdk {
  uploadSdk ??= load('@aws-sdk/lib-storage') as S3UploadSdk
  return uploadSdk
}
