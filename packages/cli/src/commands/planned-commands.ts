// Commands of the product that are not built yet. They are listed in --help so users see the whole
// pipeline, and they fail clearly instead of pretending to work.
import { UserError } from '@sagepack/core-data'
import { Command } from 'commander'

const PLANNED: Array<{ name: string; args: string; summary: string }> = [
  { name: 'new-model', args: '<name>', summary: 'scaffold models/<name>/ for a team' },
]

export function plannedCommands(): Command[] {
  return PLANNED.map(({ name, args, summary }) =>
    new Command(name)
      .summary(`(planned) ${summary}`)
      .description(`${summary}. Planned: not available in this version of sagepack.`)
      .argument(args)
      .allowUnknownOption()
      .action(() => {
        throw new UserError({
          input: `sagepack ${name}`,
          problem: 'is not available in this version of sagepack yet',
          fix: 'see README.md for the commands available now (sagepack train, bundle, serve, predict, inspect, config, runs, deploy, transform)',
        })
      }),
  )
}
