// The archives a SageMaker job leaves in S3 (model.tar.gz, output.tar.gz), made and unpacked with the
// system's GNU tar, which is what SageMaker's archives are read with too.
import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** The path of a tar.gz of the given files, entries named `./<path>` as SageMaker writes them. */
export async function tarGz(files: Record<string, string>): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'sagepack-archive-'))
  const content = join(dir, 'content')
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(content, path)), { recursive: true })
    writeFileSync(join(content, path), text)
  }
  await run('tar', ['-czf', join(dir, 'archive.tar.gz'), '-C', content, '.'])
  return join(dir, 'archive.tar.gz')
}

export async function extractWithTar(archive: string, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true })
  await run('tar', ['-xzf', archive, '-C', dir])
}
