// A real file:// artifact store that names its objects s3://: SageMaker jobs accept only S3
// locations, and tests of them mock SageMaker, not S3, so the bytes live in real files on disk while
// every URI reads as it would on AWS. (The S3 adapter has its own tests against an S3 server.)
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { type ArtifactStore, openArtifactStore } from '@sagepack/core-data'

export function s3RootedFileStore(root = 's3://artifacts/'): ArtifactStore & { dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'sagepack-store-'))
  const files = openArtifactStore(pathToFileURL(dir).href)
  return {
    ...files,
    dir,
    root,
    uri: (key) => root + key,
  }
}
