// The bundle benchmark: `sagepack bundle` on a model with 1 GiB of float32 weights, against GNU tar +
// gzip -6 and tar | pigz on the same files in the same run. Prints times, ratios, sizes and peak RSS.
// BENCH_WEIGHTS_MIB (default 1024) and BENCH_REPEATS (default 2) change the size and the repetitions.
import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { writeSyntheticRun } from './synthetic-run'
import { median, type Timing, timed } from './timed-command'

const SAGEPACK = fileURLToPath(new URL('../../packages/cli/bin/sagepack.mjs', import.meta.url))
const WEIGHTS_MIB = Number(process.env.BENCH_WEIGHTS_MIB ?? 1024)
const REPEATS = Number(process.env.BENCH_REPEATS ?? 2)
/** The targets from the issue: at least 3x faster than tar -czf, an archive at most 5% larger. */
const TARGET_SPEEDUP = 3
const TARGET_SIZE_RATIO = 1.05

const hasPigz = (() => {
  try {
    execFileSync('pigz', ['--version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()

const root = await mkdtemp(join(tmpdir(), 'sagepack-bundle-bench-'))
process.on('SIGINT', () => {
  void rm(root, { recursive: true, force: true }).finally(() => process.exit(130))
})
try {
  process.stdout.write(`writing a synthetic iris run with ${WEIGHTS_MIB} MiB of float32 weights in ${root}\n`)
  const run = await writeSyntheticRun(root, WEIGHTS_MIB)
  const out = join(root, 'out')
  await mkdir(out)
  const commands: Record<string, string> = {
    'sagepack bundle': `node ${SAGEPACK} bundle iris --run ${run.runId} --runs-dir ${run.runsRoot} --out ${out}/sagepack.tar.gz`,
    'tar -czf (gzip -6)': `tar -czf ${out}/tar.tar.gz -C ${run.modelDir} .`,
    ...(hasPigz ? { 'tar | pigz -6': `tar -cf - -C ${run.modelDir} . | pigz -6 > ${out}/pigz.tar.gz` } : {}),
  }
  const outputs: Record<string, string> = {
    'sagepack bundle': 'sagepack.tar.gz',
    'tar -czf (gzip -6)': 'tar.tar.gz',
    'tar | pigz -6': 'pigz.tar.gz',
  }
  const timings: Record<string, Timing[]> = Object.fromEntries(
    Object.keys(commands).map((name) => [name, []]),
  )
  // Interleaved, so a machine that slows down mid-run slows every command alike.
  for (let round = 1; round <= REPEATS; round++) {
    for (const [name, command] of Object.entries(commands)) {
      const timing = await timed(command)
      timings[name]?.push(timing)
      process.stdout.write(
        `  round ${round} ${name}: ${timing.wallSeconds.toFixed(2)} s, peak RSS ${timing.peakRssMiB.toFixed(0)} MiB\n`,
      )
    }
  }

  const rows = await Promise.all(
    Object.keys(commands).map(async (name) => ({
      name,
      seconds: median(timings[name]?.map((t) => t.wallSeconds) ?? []),
      rssMiB: Math.max(...(timings[name]?.map((t) => t.peakRssMiB) ?? [])),
      bytes: (await stat(join(out, outputs[name] as string))).size,
    })),
  )
  const ours = rows[0]
  const gzip = rows[1]
  if (!ours || !gzip) throw new Error('missing results')
  const lines = [
    `\nbundle benchmark: ${WEIGHTS_MIB} MiB of float32 weights, median of ${REPEATS} interleaved runs, whole processes (node + tsx start-up included for sagepack)`,
    `${'command'.padEnd(22)} ${'wall s'.padStart(8)} ${'vs tar -czf'.padStart(12)} ${'archive MiB'.padStart(12)} ${'size vs gzip'.padStart(13)} ${'peak RSS MiB'.padStart(13)}`,
    ...rows.map(
      (r) =>
        `${r.name.padEnd(22)} ${r.seconds.toFixed(2).padStart(8)} ${`${(gzip.seconds / r.seconds).toFixed(2)}x`.padStart(12)} ${(r.bytes / 2 ** 20).toFixed(1).padStart(12)} ${`${((r.bytes / gzip.bytes) * 100).toFixed(1)}%`.padStart(13)} ${r.rssMiB.toFixed(0).padStart(13)}`,
    ),
    '',
    `speed-up over tar -czf: ${(gzip.seconds / ours.seconds).toFixed(2)}x (target >= ${TARGET_SPEEDUP}x): ${gzip.seconds / ours.seconds >= TARGET_SPEEDUP ? 'met' : 'NOT met'}`,
    `archive size vs tar -czf: ${((ours.bytes / gzip.bytes) * 100).toFixed(1)}% (target <= ${TARGET_SIZE_RATIO * 100}%): ${ours.bytes / gzip.bytes <= TARGET_SIZE_RATIO ? 'met' : 'NOT met'}`,
    `peak RSS of sagepack bundle: ${ours.rssMiB.toFixed(0)} MiB (target < 200 MiB): ${ours.rssMiB < 200 ? 'met' : 'NOT met'}`,
    hasPigz ? '' : 'pigz is not installed (apt-get install pigz) — its row is missing',
  ]
  process.stdout.write(`${lines.join('\n')}\n`)
  const resultsDir = fileURLToPath(new URL('./results/', import.meta.url))
  await mkdir(resultsDir, { recursive: true })
  await writeFile(
    join(resultsDir, 'latest.json'),
    `${JSON.stringify({ weightsMiB: WEIGHTS_MIB, repeats: REPEATS, rows }, null, 2)}\n`,
  )
} finally {
  await rm(root, { recursive: true, force: true })
}
