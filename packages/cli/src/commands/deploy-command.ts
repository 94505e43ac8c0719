// `sagepack deploy <model> --stage <stage>`: ship the model's bundle to its SageMaker endpoint stack.
import { resolve } from 'node:path'
import { explainingAwsErrors } from '@sagepack/aws/errors'
import { UserError } from '@sagepack/core-data'
import {
  defaultRunsRoot,
  findWorkspaceRoot,
  locateModel,
  STAGES,
  type Stage,
} from '@sagepack/core-train/workspace'
import { Command } from 'commander'
import { buildBundle } from '../build-bundle/build-bundle'

interface DeployCommandOptions {
  stage: string
  dryRun?: boolean
  bundle?: string
}

export function deployCommand(): Command {
  return new Command('deploy')
    .summary('deploy the model to its SageMaker endpoint through CloudFormation')
    .description(
      'Verify the bundle, upload it content-addressed to the artifact bucket, create a change set of the\n' +
        "stack sagepack-<model>-<stage> (cloudformation/model-endpoint.yaml with the stage's settings from\n" +
        "the model's config), print it, execute it while streaming stack events, then smoke-test the\n" +
        'endpoint <model>-<stage> with models/<model>/inference/example.json. Nothing changed: no-op.\n' +
        'A failed stack prints its failed events and exits 1 (CloudFormation rolls back).\n\n' +
        'Where things go comes from the platform stack (sagepack-platform, or SAGEPACK_PLATFORM_STACK),\n' +
        'or from SAGEPACK_ARTIFACT_STORE=s3://bucket/, SAGEPACK_IMAGE_URI, SAGEPACK_EXECUTION_ROLE_ARN.\n' +
        'The image tag is the last commit that changed the runtime (containers/runtime-paths.txt), the tag\n' +
        'the deploy workflow pushes; SAGEPACK_IMAGE_TAG overrides it. AWS credentials and region come\n' +
        'from the usual AWS SDK sources (AWS_PROFILE, AWS_REGION, OIDC in CI).',
    )
    .argument('<model>', 'the model folder name under models/')
    .requiredOption('--stage <stage>', `where to deploy: ${STAGES.join(', ')}`)
    .option('--dry-run', 'print the parameters and template it would send, without AWS calls or credentials')
    .option(
      '--bundle <file>',
      'deploy this model.tar.gz (default: models/<model>/dist/model.tar.gz, built if missing)',
    )
    .addHelpText(
      'after',
      '\nExamples:\n  pnpm sagepack deploy iris --stage dev --dry-run\n  pnpm sagepack deploy iris --stage staging',
    )
    .action(async (name: string, options: DeployCommandOptions) => {
      const stage = parseStage(options.stage)
      const workspaceRoot = findWorkspaceRoot()
      const folder = locateModel(workspaceRoot, name)
      // Loaded here: the AWS SDK clients and the templates are not needed for any other command.
      const { deployModel } = await import('@sagepack/aws')
      process.exitCode = await explainingAwsErrors(() =>
        deployModel({
          workspaceRoot,
          folder,
          stage,
          buildBundle: () => buildBundle({ workspaceRoot, folder, runsRoot: defaultRunsRoot(workspaceRoot) }),
          ...(options.bundle ? { bundle: resolve(options.bundle) } : {}),
          ...(options.dryRun ? { dryRun: true } : {}),
        }),
      )
    })
}

function parseStage(stage: string): Stage {
  if ((STAGES as readonly string[]).includes(stage)) return stage as Stage
  throw new UserError({
    input: `--stage ${stage}`,
    problem: 'is not a stage',
    expected: STAGES.join(', '),
    fix: 'pick one; each has its own settings under deploy.<stage> in the model config',
  })
}
