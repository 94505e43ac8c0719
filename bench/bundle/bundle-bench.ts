// The bundle benchmark: a cold `sagepack bundle` of a model with 1 GiB of float32 weights against GNU
// tar + gzip -6 and tar | pigz -6 on the same files and cores, interleaved round by round, plus the
// cache hit as a row of its own. Prints times, CPU, ratios, sizes, peak RSS, sagepack's phases and the
// floors under them (compute-floors.ts), measured in every round.
// BENCH_WEIGHTS_MIB (default 1024) and BENCH_ROUNDS (default 3, at least 3) change the size and rounds.
import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type BundlePhaseTime, readBundleOutput } from './bundle-output'
import { type BundleBenchResult, type CommandResult, reportLines, speedups } from './bundle-report'
import { computeFloors, type Floor } from './compute-floors'
import { writeSyntheticRun } from './synthetic-run'
import { timed } from './timed-command'

const SAGEPACK = fileURLToPath(new URL('../../packages/cli/bin/sagepack.mjs', import.meta.url))
const WEIGHTS_MIB = Number(process.env.BENCH_WEIGHTS_MIB ?? 1024)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)

if (!Number.isInteger(ROUNDS) || ROUNDS < 3) {
  process.stderr.write(`BENCH_ROUNDS is ${process.env.BENCH_ROUNDS}: a median needs at least 3 rounds\n`)
  process.exit(2)
}
try {
  execFileSync('pigz', ['--version'], { stdio: 'ignore' })
} catch {
  process.stderr.write(
    'pigz is missing: the benchmark compares against tar | pigz -6. Install it: apt-get install pigz\n',
  )
  process.exit(2)
}

const root = await mkdtemp(join(tmpdir(), 'sagepack-bundle-bench-'))
process.on('SIGINT', () => {
  void rm(root, { recursive: true, force: true }).finally(() => process.exit(130))
})
try {
  process.stdout.write(`writing a synthetic iris run with ${WEIGHTS_MIB} MiB of float32 weights in ${root}\n`)
  const run = await writeSyntheticRun(root, WEIGHTS_MIB)
  // Every command reads the weights from the page cache, the first one too.
  execFileSync('sh', ['-c', `cat ${run.modelDir}/* > /dev/null`])
  const sagepack = (out: string) =>
    `node ${SAGEPACK} bundle iris --run ${run.runId} --runs-dir ${run.runsRoot} --out ${out} --timings`
  const peers = {
    gzip: (dir: string) => `tar -czf ${dir}/tar.tar.gz -C ${run.modelDir} .`,
    pigz: (dir: string) => `tar -cf - -C ${run.modelDir} . | pigz -6 > ${dir}/pigz.tar.gz`,
  }
  const results = {
    cold: { name: 'sagepack bundle (cold)', rounds: [], bytes: 0 } as CommandResult,
    gzip: { name: 'tar -czf (gzip -6)', rounds: [], bytes: 0 } as CommandResult,
    pigz: { name: 'tar | pigz -6', rounds: [], bytes: 0 } as CommandResult,
    cacheHit: { name: 'sagepack bundle (cache hit)', rounds: [], bytes: 0 } as CommandResult,
  }
  const phases: BundlePhaseTime[][] = []
  const floors: Floor[][] = []
  const digests = new Set<string>()
  const loadBefore = loadavg()

  for (let round = 1; round <= ROUNDS; round++) {
    // A fresh folder per round: the cold build finds no bundle and no cache record to reuse.
    const dir = join(root, `round-${round}`)
    await mkdir(dir)
    const bundle = join(dir, 'sagepack.tar.gz')
    const cold = async () => {
      const timing = await timed(sagepack(bundle))
      const output = readBundleOutput(timing.stdout, 'cold', round)
      digests.add(output.sha256)
      phases.push(output.phases)
      const counted = output.phases.filter((p) => p.during === undefined)
      const text = counted.map((p) => `${p.phase} ${p.wallSeconds.toFixed(1)}/${p.cpuSeconds?.toFixed(1)}`)
      process.stdout.write(`  round ${round} phases (wall/cpu s): ${text.join(', ')}\n`)
      return timing
    }
    const steps: Array<[keyof typeof results, () => Promise<Awaited<ReturnType<typeof timed>>>]> = [
      ['cold', cold],
      ['gzip', () => timed(peers.gzip(dir))],
      ['pigz', () => timed(peers.pigz(dir))],
    ]
    // Interleaved, and each round starts with another command, so a machine that slows down mid-run
    // slows every command alike.
    for (let i = 0; i < steps.length; i++) {
      const [key, step] = steps[(i + round - 1) % steps.length] as (typeof steps)[number]
      const timing = await step()
      results[key].rounds.push(timing)
      report(round, results[key].name, timing)
    }
    const hit = await timed(sagepack(bundle))
    digests.add(readBundleOutput(hit.stdout, 'cache hit', round).sha256)
    results.cacheHit.rounds.push(hit)
    report(round, results.cacheHit.name, hit)

    const roundFloors = await computeFloors(join(run.modelDir, 'weights.bin'), join(dir, 'floor.bin'))
    floors.push(roundFloors)
    const floorText = roundFloors.map(
      (f) => `${f.name} ${f.wallSeconds.toFixed(1)}/${f.cpuSeconds.toFixed(1)}`,
    )
    process.stdout.write(`  round ${round} floors (wall/cpu s): ${floorText.join(', ')}\n`)

    results.cold.bytes = results.cacheHit.bytes = (await stat(bundle)).size
    results.gzip.bytes = (await stat(join(dir, 'tar.tar.gz'))).size
    results.pigz.bytes = (await stat(join(dir, 'pigz.tar.gz'))).size
    await rm(dir, { recursive: true })
  }
  if (digests.size !== 1) {
    throw new Error(`sagepack bundle wrote different archives for the same run: ${[...digests].join(', ')}`)
  }

  const result: BundleBenchResult = {
    weightsMiB: WEIGHTS_MIB,
    cores: availableParallelism(),
    loadBefore,
    loadAfter: loadavg(),
    ...results,
    phases,
    floors,
  }
  process.stdout.write(`${reportLines(result).join('\n')}\n`)
  process.stdout.write(`every round wrote the same archive, sha256 ${[...digests][0]}\n`)
  const resultsDir = fileURLToPath(new URL('./results/', import.meta.url))
  await mkdir(resultsDir, { recursive: true })
  await writeFile(
    join(resultsDir, 'latest.json'),
    `${JSON.stringify({ ...result, speedups: speedups(result), sha256: [...digests][0] }, null, 2)}\n`,
  )
} finally {
  await rm(root, { recursive: true, force: true })
}

function report(
  round: number,
  name: string,
  timing: { wallSeconds: number; cpuSeconds: number; peakRssMiB: number },
) {
  process.stdout.write(
    `  round ${round} ${name}: ${timing.wallSeconds.toFixed(2)} s, cpu ${timing.cpuSeconds.toFixed(2)} s, peak RSS ${timing.peakRssMiB.toFixed(0)} MiB\n`,
  )
}
