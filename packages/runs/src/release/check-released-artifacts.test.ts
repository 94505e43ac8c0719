import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeRunFolder } from '../testing/run-folder'
import { artifactDigest } from './artifact-digest'
import { checkReleasedArtifacts } from './check-released-artifacts'

const RUN = '20261123-164512-3fa2'

async function promotedRun() {
  const runDir = await writeRunFolder(await mkdtemp(join(tmpdir(), 'released-')), 'iris', RUN)
  const digest = await artifactDigest(runDir)
  const release = { runId: RUN, sha256: digest.sha256, artifacts: digest.files }
  return {
    runDir,
    release,
    check: () =>
      checkReleasedArtifacts({ runDir, release, releaseFile: 'models/iris/release.json', model: 'iris' }),
  }
}

describe('checkReleasedArtifacts', () => {
  it('passes the artifacts that were promoted', async () => {
    const { check, release } = await promotedRun()
    expect((await check())?.sha256).toBe(release.sha256)
  })

  it('names every file that differs, is missing or was added', async () => {
    const { runDir, check, release } = await promotedRun()
    await appendFile(join(runDir, 'model', 'model.onnx'), 'x')
    await rm(join(runDir, 'model', 'preprocessor.json'))
    await writeFile(join(runDir, 'model', 'extra.bin'), 'x')
    await expect(check()).rejects.toThrow(
      new RegExp(
        `^run iris/${RUN}: its artifacts \\(model/\\) have sha256 [0-9a-f]{64}, but models/iris/release.json promoted sha256 ${release.sha256}; ` +
          'model.onnx differs, preprocessor.json is missing, extra.bin was added\n  expected: ',
      ),
    )
  })

  it('checks nothing when release.json records no digest (written before promote existed)', async () => {
    const { runDir } = await promotedRun()
    await appendFile(join(runDir, 'model', 'model.onnx'), 'x')
    expect(
      await checkReleasedArtifacts({
        runDir,
        release: { runId: RUN },
        releaseFile: 'release.json',
        model: 'iris',
      }),
    ).toBeNull()
  })
})
