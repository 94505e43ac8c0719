// `sagepack train --on` and `sagepack transform` from the command line: bad flags fail with exit 2
// before anything runs, and --help shows how to use them.
import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sagepack } from './run-cli'

describe('sagepack train --on', () => {
  it('refuses an executor other than local or sagemaker, before a run starts', async () => {
    const runsRoot = mkdtempSync(join(tmpdir(), 'sagepack-runs-'))
    const result = await sagepack(['train', 'iris', '--on', 'gcp', '--runs-dir', runsRoot])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('error: --on gcp: is not a place sagepack can train')
    expect(result.stderr).toContain('expected: local or sagemaker')
    expect(readdirSync(runsRoot)).toEqual([])
  })

  it('documents the SageMaker options with examples', async () => {
    const result = await sagepack(['train', '--help'])
    expect(result.code).toBe(0)
    for (const text of [
      '--on <executor>',
      '--instance-type <type>',
      '--instance-count <n>',
      '--spot',
      '--max-runtime <seconds>',
    ])
      expect(result.stdout).toContain(text)
    expect(result.stdout).toContain('pnpm train iris --on sagemaker --instance-type ml.g5.xlarge --spot')
  })
})

describe('sagepack transform', () => {
  it('is a command, documented', async () => {
    const result = await sagepack(['transform', '--help'])
    expect(result.code).toBe(0)
    for (const text of [
      '--input <s3-uri>',
      '--output <s3-uri>',
      '--run <run-id>',
      '--content-type <type>',
      '--no-wait',
    ])
      expect(result.stdout).toContain(text)
  })

  it('refuses a local input path with the fix', async () => {
    const result = await sagepack(['transform', 'iris', '--input', 'data.csv', '--output', 's3://b/out/'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('--input data.csv: is not an S3 location')
    expect(result.stderr).toContain('aws s3 cp')
  })
})
