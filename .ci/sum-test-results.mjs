// Sums the JSON reports every package's vitest run writes (.test-results/vitest.json) into the
// one closing line CI reads: "N passed, N failed".
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const roots = ['packages', 'models']
let passed = 0
let failed = 0
let skipped = 0
const missing = []
for (const root of roots) {
  if (!existsSync(root)) continue
  for (const name of readdirSync(root)) {
    const report = join(root, name, '.test-results', 'vitest.json')
    if (!existsSync(join(root, name, 'package.json'))) continue
    if (!existsSync(report)) {
      missing.push(join(root, name))
      continue
    }
    const json = JSON.parse(readFileSync(report, 'utf8'))
    passed += json.numPassedTests ?? 0
    failed += (json.numFailedTests ?? 0) + suitesThatFailedToRun(json)
    skipped += (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0)
  }
}
if (missing.length > 0) console.log(`no test report from: ${missing.join(', ')}`)
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)

// A test file that fails to load or errors outside a test has no failed test in it; count it as one
// failure so a broken file can never read as green.
function suitesThatFailedToRun(json) {
  return (json.testResults ?? []).filter(
    (suite) =>
      suite.status === 'failed' && !(suite.assertionResults ?? []).some((t) => t.status === 'failed'),
  ).length
}
