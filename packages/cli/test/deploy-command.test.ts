// End to end: `sagepack deploy --dry-run` as a user runs it on a laptop with no AWS account set up:
// no credentials, no region, no config files. It must still print every parameter and the template.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { type BundledIris, trainAndBundleIris } from './bundled-model.fixture'
import { type EnvChanges, sagepack } from './run-cli'

let iris: BundledIris

/** Every AWS setting removed, and a home folder without ~/.aws. */
function noAws(): EnvChanges {
  const removed = Object.fromEntries(
    Object.keys(process.env)
      .filter((name) => name.startsWith('AWS_') || name.startsWith('SAGEPACK_'))
      .map((name) => [name, undefined]),
  )
  return { ...removed, HOME: mkdtempSync(join(tmpdir(), 'sagepack-home-')) }
}

beforeAll(async () => {
  iris = await trainAndBundleIris(5)
}, 120_000)

describe('sagepack deploy --dry-run', () => {
  it('prints the stack parameters and the template with no AWS credentials', async () => {
    const result = await sagepack(
      ['deploy', 'iris', '--stage', 'dev', '--dry-run', '--bundle', iris.bundle],
      noAws(),
    )
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toContain('dry run: no AWS calls. Stack sagepack-iris-dev')
    expect(result.stdout).toMatch(/ {2}ImageUri = <sagepack-platform output RuntimeImageRepositoryUri>:\S+/)
    expect(result.stdout).toMatch(
      / {2}ModelDataUrl = s3:\/\/<sagepack-platform output ArtifactBucketName>\/iris\/[0-9a-f]{64}\/model\.tar\.gz/,
    )
    expect(result.stdout).toContain('  ServerlessMemorySizeInMB = 2048')
    expect(result.stdout).toContain('Resources:')
  }, 60_000)

  it('fills in what the environment sets, and prod takes its instance settings', async () => {
    const result = await sagepack(
      ['deploy', 'iris', '--stage', 'prod', '--dry-run', '--bundle', iris.bundle],
      {
        ...noAws(),
        SAGEPACK_ARTIFACT_STORE: 's3://team-bucket',
        SAGEPACK_IMAGE_TAG: 'abc123',
      },
    )
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toMatch(/ModelDataUrl = s3:\/\/team-bucket\/iris\/[0-9a-f]{64}\/model\.tar\.gz/)
    expect(result.stdout).toContain('ImageUri = <sagepack-platform output RuntimeImageRepositoryUri>:abc123')
    expect(result.stdout).toContain('  ServerlessMemorySizeInMB = 0')
    expect(result.stdout).toContain('  MinInstanceCount = 2')
  }, 60_000)

  it('refuses an unknown stage, naming the stages', async () => {
    const result = await sagepack(
      ['deploy', 'iris', '--stage', 'qa', '--dry-run', '--bundle', iris.bundle],
      noAws(),
    )
    expect(result.code).not.toBe(0)
    expect(result.stderr).toMatch(/dev, staging, prod/)
  }, 60_000)
})
