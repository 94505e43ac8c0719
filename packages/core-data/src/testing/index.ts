// Test support for packages that use @sagepack/core-data's S3 store: import from
// `@sagepack/core-data/testing` in tests only.
export { type RecordedRequest, type S3TestServer, startS3TestServer } from './s3-test-server'
