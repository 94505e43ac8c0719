// The `sagepack` command line: one program, one subcommand per pipeline stage.
import { isUserError } from '@sagepack/core-data'
import { Command, CommanderError } from 'commander'
import { bundleCommand } from './commands/bundle-command'
import { configCommand } from './commands/config-command'
import { deployCommand } from './commands/deploy-command'
import { evaluateCommand } from './commands/evaluate-command'
import { inspectCommand } from './commands/inspect-command'
import { newModelCommand } from './commands/new-model-command'
import { predictCommand } from './commands/predict-command'
import { runsCommand } from './commands/runs-command'
import { serveCommand } from './commands/serve-command'
import { trainCommand } from './commands/train-command'
import { transformCommand } from './commands/transform-command'

export function buildProgram(): Command {
  const program = new Command('sagepack')
    .description(
      'Keep each ML model as a self-contained folder and ship it to Amazon SageMaker.\n' +
        'Models live in models/<name>/ (config.ts, train/, inference/); runs are kept under runs/<model>/.',
    )
    .showHelpAfterError('(run `sagepack --help` for the list of commands)')
    .exitOverride()
  program.addCommand(newModelCommand())
  program.addCommand(trainCommand())
  program.addCommand(bundleCommand())
  program.addCommand(serveCommand())
  program.addCommand(predictCommand())
  program.addCommand(evaluateCommand())
  program.addCommand(inspectCommand())
  program.addCommand(configCommand())
  program.addCommand(runsCommand())
  program.addCommand(deployCommand())
  program.addCommand(transformCommand())
  return program
}

/** Runs the CLI and returns the exit code: 0 ok, 1 failed, 2 bad input the user can fix. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram()
  try {
    await program.parseAsync(argv)
    return typeof process.exitCode === 'number' ? process.exitCode : 0
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here with exit code 0; usage errors are already printed.
      return error.exitCode === 0 ? 0 : 2
    }
    if (isUserError(error)) {
      process.stderr.write(`error: ${error.message}\n`)
      return 2
    }
    process.stderr.write(`sagepack failed unexpectedly: ${(error as Error).stack ?? String(error)}\n`)
    return 1
  }
}
