// The closing totals of .ci/run, over every package of the workspace with a `test` script, run from the
// workspace root:
//   tsx .ci/sum-test-results.ts --clear   before `pnpm test`: removes every package's old reports
//   tsx .ci/sum-test-results.ts           after it: names each failure the counts do not, then prints
//                                         "N passed, N failed" (", N skipped") as the last line, and
//                                         exits 1 when anything failed
import { clearTestReports } from './clear-test-reports'
import { packageTestTotals, sumTestTotals, totalsLine } from './package-test-totals'
import { REPORTS_DIR } from './test-report-files'
import { testedPackages } from './tested-packages'

const [mode, ...rest] = process.argv.slice(2)
if (rest.length > 0 || (mode !== undefined && mode !== '--clear')) {
  console.error(`usage: tsx .ci/sum-test-results.ts [--clear]  (got: ${process.argv.slice(2).join(' ')})`)
  process.exit(2)
}

const root = process.cwd()
const dirs = testedPackages(root).map((pkg) => pkg.dir)

if (mode === '--clear') {
  const cleared = clearTestReports(root, dirs)
  console.log(`removed ${REPORTS_DIR}/ of ${cleared.length} of the ${dirs.length} tested packages`)
} else {
  const totals = sumTestTotals(dirs.map((dir) => packageTestTotals(root, dir)))
  for (const problem of totals.problems) console.log(`failed: ${problem}`)
  console.log(totalsLine(totals))
  process.exitCode = totals.failed > 0 ? 1 : 0
}
