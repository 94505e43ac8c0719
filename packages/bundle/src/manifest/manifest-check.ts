// Compares the files an archive holds with the files it should hold: pure logic, one readable line per
// difference, so a corrupt bundle names every file that is missing, extra or changed.

import { compareArchivePaths } from '../archive/archive-entry'
import type { ManifestFile } from './bundle-manifest'

/**
 * Differences between `actual` (what the archive holds) and `expected`, described against `source`
 * ("the manifest", "what was written"). Files named in `exempt` may be in the archive without being
 * expected: manifest.json does not list itself.
 */
export function manifestMismatches(
  expected: ManifestFile[],
  actual: ManifestFile[],
  source: string,
  exempt: ReadonlySet<string> = new Set(),
): string[] {
  const actualByPath = new Map(actual.map((file) => [file.path, file]))
  const expectedPaths = new Set(expected.map((file) => file.path))
  const problems: string[] = []
  for (const want of [...expected].sort((a, b) => compareArchivePaths(a.path, b.path))) {
    const have = actualByPath.get(want.path)
    if (!have) problems.push(`${want.path} is missing (listed in ${source})`)
    else if (have.size !== want.size) {
      problems.push(`${want.path} has ${have.size} bytes, ${source} says ${want.size}`)
    } else if (have.sha256 !== want.sha256) problems.push(`${want.path} sha256 differs from ${source}`)
  }
  for (const have of actual) {
    if (!expectedPaths.has(have.path) && !exempt.has(have.path)) {
      problems.push(`${have.path} is not listed in ${source}`)
    }
  }
  return problems
}
