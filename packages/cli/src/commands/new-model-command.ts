// `sagepack new-model <name> --team <@org/team>`: scaffold models/<name>/ from a template, give it to
// the team in .github/CODEOWNERS, link it with pnpm install, and print the way from here to production.
import { formatUserError, shownPath } from '@sagepack/core-data'
import { findWorkspaceRoot } from '@sagepack/core-train/workspace'
import { Command, Option } from 'commander'
import { CODEOWNERS_FILE, modelOwnerPath } from '../new-model/codeowners-model-line'
import { createModel } from '../new-model/create-model'
import { installWorkspace } from '../new-model/install-workspace'
import { MAX_MODEL_NAME_LENGTH } from '../new-model/model-name-rules'
import {
  DEFAULT_MODEL_TEMPLATE,
  MODEL_TEMPLATES,
  type ModelTemplate,
  TEMPLATE_SUMMARIES,
} from '../new-model/model-templates'
import { nextSteps } from '../new-model/next-steps'

interface NewModelOptions {
  team: string
  template: ModelTemplate
  skipInstall?: boolean
}

/**
 * With its own exitOverride (subcommands do not inherit the program's), a usage error returns through
 * main() with exit code 2 instead of exiting here with 1.
 */
export function newModelCommand(): Command {
  return new Command('new-model')
    .summary('scaffold models/<name>/ from a template, owned by a team, ready to train')
    .description(
      'Create models/<name>/ from a template: config.ts (every knob documented), train/ (schema,\n' +
        'train entry, data checks), inference/ (handler and example.json, the request a deploy smoke-tests\n' +
        'with), data/ (a small deterministic example dataset and its generator) and test/ (behavioural tests\n' +
        'on a freshly trained model). The model trains, bundles, serves and passes its tests as generated;\n' +
        'then replace the example data and schema with your own.\n\n' +
        `The folder is written whole or not at all, and ${CODEOWNERS_FILE} gets one line giving it to the team\n` +
        '(kept sorted with the other model lines; never twice). Then `pnpm install --offline\n' +
        '--no-frozen-lockfile` links the new package and adds it to pnpm-lock.yaml, CI=true or not (falling\n' +
        'back to --prefer-offline when the pnpm cache lacks metadata).\n\n' +
        'Templates:\n' +
        MODEL_TEMPLATES.map((t) => `  ${t.padEnd(20)}${TEMPLATE_SUMMARIES[t]}`).join('\n'),
    )
    .argument(
      '<name>',
      `the model's folder name: lowercase kebab-case, at most ${MAX_MODEL_NAME_LENGTH} characters, e.g. house-prices`,
    )
    .requiredOption('--team <@org/team>', 'the GitHub team that owns the folder in CODEOWNERS')
    .addOption(
      new Option('--template <template>', 'what the model starts from')
        .choices(MODEL_TEMPLATES)
        .default(DEFAULT_MODEL_TEMPLATE),
    )
    .option('--skip-install', 'do not run pnpm install afterwards (link the package yourself)')
    .exitOverride()
    .addHelpText(
      'after',
      '\nExamples:\n  pnpm new-model churn --team @acme/growth\n' +
        '  pnpm new-model delivery-time --team @acme/logistics --template tabular-regressor\n' +
        '  pnpm new-model ticket-router --team @acme/support --template text-classifier',
    )
    .action(async (name: string, options: NewModelOptions) => {
      const workspaceRoot = findWorkspaceRoot()
      const created = await createModel({
        workspaceRoot,
        name,
        team: options.team,
        template: options.template,
      })
      const shown = shownPath(created.dir)
      process.stdout.write(
        `created ${shown}/ from the ${options.template} template (${created.files.length} files)\n` +
          (created.codeownersChanged
            ? `${CODEOWNERS_FILE}: ${modelOwnerPath(name)} is owned by ${options.team}\n`
            : `${CODEOWNERS_FILE}: already gives ${modelOwnerPath(name)} to ${options.team}; left as it is\n`),
      )
      let installed = false
      if (!options.skipInstall) {
        const result = await installWorkspace(workspaceRoot, (line) => process.stdout.write(`${line}\n`))
        if (!result.ok) {
          process.stderr.write(
            `error: ${formatUserError({
              input: result.commands.join(', then '),
              problem:
                result.exitCode === null
                  ? 'could not start pnpm'
                  : `failed (exit ${result.exitCode}); ${shown}/ is written but its dependencies are not linked`,
              expected: 'pnpm on PATH and the packages in its store (or the npm registry reachable)',
              fix: 'fix what pnpm printed above, then run `pnpm install --no-frozen-lockfile` at the workspace root',
            })}\n`,
          )
          process.exitCode = 1
          return
        }
        installed = true
      }
      process.stdout.write(`\n${nextSteps(name, { installed })}`)
    })
}
