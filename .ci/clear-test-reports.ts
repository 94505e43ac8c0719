// Removes the reports an earlier run left, so that a package whose tests do not run this time reads as
// a missing report, not as the old result.
import { existsSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { REPORTS_DIR } from './test-report-files'

/** The package folders that had reports. */
export function clearTestReports(workspaceRoot: string, dirs: readonly string[]): string[] {
  return dirs.filter((dir) => {
    const reports = join(workspaceRoot, dir, REPORTS_DIR)
    if (!existsSync(reports)) return false
    rmSync(reports, { recursive: true, force: true })
    return true
  })
}
