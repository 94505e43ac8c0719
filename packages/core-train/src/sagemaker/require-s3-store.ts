// SageMaker reads inputs and writes outputs only in S3: a job needs an s3:// artifact store.
import { ARTIFACT_STORE_ENV, type ArtifactStore, UserError } from '@sagepack/core-data'

export function requireS3Store(store: ArtifactStore, purpose: string): ArtifactStore {
  if (store.root.startsWith('s3://')) return store
  throw new UserError({
    input: `the artifact store ${store.root}`,
    problem: `is not in S3, and ${purpose} reads and writes S3 only`,
    expected: 'an s3:// artifact store',
    fix: `set ${ARTIFACT_STORE_ENV}=s3://<bucket>/, or create the platform stack (cloudformation/platform.yaml), whose bucket is used when ${ARTIFACT_STORE_ENV} is not set`,
  })
}
