// Test support shared by the packages above: an S3-compatible server on loopback, and the real headless
// Chromium that page and report tests drive. Import from `@sagepack/core-data/testing` in tests only.

export { launchChromium } from './launch-chromium'
export { type RecordedRequest, type S3TestServer, startS3TestServer } from './s3-test-server'
