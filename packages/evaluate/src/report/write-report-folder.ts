// Writes the report folder whole or not at all: everything goes into a temporary sibling folder, which
// is renamed into place only when every file is written; an older report is moved aside first and
// removed after. A failure leaves the previous report (or none) and no temporary folder.
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'

const REPORT_DIR = 'report'

/** @param writeFiles writes the report's files into the folder it is given */
export async function writeReportFolder(
  runDir: string,
  writeFiles: (dir: string) => Promise<void>,
): Promise<string> {
  const target = join(runDir, REPORT_DIR)
  const suffix = randomBytes(4).toString('hex')
  const staging = join(dirname(target), `.${REPORT_DIR}-${suffix}.tmp`)
  const previous = join(dirname(target), `.${REPORT_DIR}-${suffix}.old`)
  await mkdir(staging)
  try {
    await writeFiles(staging)
    if (existsSync(target)) await rename(target, previous)
    await rename(staging, target)
  } catch (error) {
    await rm(staging, { recursive: true, force: true })
    if (existsSync(previous) && !existsSync(target)) await rename(previous, target)
    throw error
  }
  await rm(previous, { recursive: true, force: true })
  return target
}

export async function writeReportFiles(dir: string, files: Record<string, string>): Promise<void> {
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content)
}
