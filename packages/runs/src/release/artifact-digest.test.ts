import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { UserError } from '@sagepack/core-data'
import { describe, expect, it } from 'vitest'
import { artifactDigest } from './artifact-digest'

function runWithModel(files: Record<string, string>): string {
  const runDir = mkdtempSync(join(tmpdir(), 'artifact-digest-'))
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(runDir, 'model', path, '..'), { recursive: true })
    writeFileSync(join(runDir, 'model', path), content)
  }
  return runDir
}

describe('artifactDigest', () => {
  it('is the sha256 of the sha256sum listing of model/, as the documented shell line computes it', async () => {
    const runDir = runWithModel({
      'model.onnx': 'onnx bytes',
      'weights.bin': 'weights',
      'preprocessor.json': '{}',
      'Z upper.json': 'sorted before lower case in byte order',
      'shards/b.bin': 'b',
      'shards/a.bin': 'a',
    })
    const digest = await artifactDigest(runDir)
    const byShell = execFileSync(
      'bash',
      [
        '-c',
        "cd model && find . -type f -printf '%P\\n' | LC_ALL=C sort | xargs -d '\\n' sha256sum | sha256sum",
      ],
      { cwd: runDir, encoding: 'utf8' },
    )
    expect(`${digest.sha256}  -\n`).toBe(byShell)
    expect(digest.files.map((file) => file.path)).toEqual([
      'Z upper.json',
      'model.onnx',
      'preprocessor.json',
      'shards/a.bin',
      'shards/b.bin',
      'weights.bin',
    ])
    expect(digest.files[1]).toMatchObject({ size: 10, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) })
  })

  it('changes with any byte of any file', async () => {
    const before = await artifactDigest(runWithModel({ 'model.onnx': 'abc', 'w.bin': 'x' }))
    const after = await artifactDigest(runWithModel({ 'model.onnx': 'abc', 'w.bin': 'y' }))
    expect(after.sha256).not.toBe(before.sha256)
  })

  it('refuses a missing or empty model/ and links, naming the path', async () => {
    const none = mkdtempSync(join(tmpdir(), 'artifact-digest-'))
    await expect(artifactDigest(none)).rejects.toThrow(`${join(none, 'model')}: does not exist`)
    mkdirSync(join(none, 'model'))
    await expect(artifactDigest(none)).rejects.toThrow('holds no files')
    const linked = runWithModel({ 'model.onnx': 'abc' })
    symlinkSync('model.onnx', join(linked, 'model', 'copy.onnx'))
    const error = await artifactDigest(linked).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UserError)
    expect((error as UserError).input).toBe(join(linked, 'model', 'copy.onnx'))
  })
})
