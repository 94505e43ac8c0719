// `sagepack transform <model> --input s3://... --output s3://...`: batch predictions over S3 data as a
// SageMaker Batch Transform job running the model's bundle.

import { explainingAwsErrors } from '@sagepack/aws/errors'
import { findWorkspaceRoot, locateModel } from '@sagepack/core-train/workspace'
import { Command } from 'commander'

interface TransformCommandOptions {
  input: string
  output: string
  run?: string
  contentType: string
  wait: boolean
}

export function transformCommand(): Command {
  return new Command('transform')
    .summary('run the model over S3 data as a SageMaker Batch Transform job')
    .description(
      "Run the model's bundle (models/<model>/dist/model.tar.gz, from `pnpm bundle <model>`) over CSV or\n" +
        'JSON Lines files in S3 as a SageMaker Batch Transform job. The bundle is verified and uploaded\n' +
        'content-addressed to the artifact bucket, the SageMaker model sagepack-<model>-<digest> is created\n' +
        'for it (or reused), and the job splits the input by line and sends many lines per request\n' +
        '(BatchStrategy MultiRecord). Instance type and count, MaxPayloadInMB and MaxConcurrentTransforms\n' +
        "come from the transform section of the model's config (`sagepack config <model>`). Predictions\n" +
        'are written under --output as <input file>.out, one line per input line.\n\n' +
        'The bucket, image and role come from the platform stack (sagepack-platform, or\n' +
        'SAGEPACK_PLATFORM_STACK), or from SAGEPACK_ARTIFACT_STORE=s3://bucket/, SAGEPACK_IMAGE_URI and\n' +
        'SAGEPACK_EXECUTION_ROLE_ARN; AWS credentials and region from the usual AWS SDK sources.',
    )
    .argument('<model>', 'the model folder name under models/')
    .requiredOption('--input <s3-uri>', 'S3 prefix (or object) holding the input files')
    .requiredOption('--output <s3-uri>', 'S3 prefix the predictions are written under')
    .option('--run <run-id>', "refuse unless the bundle was built from this run (see the bundle's manifest)")
    .option(
      '--content-type <type>',
      'format of the input and of the predictions: text/csv or application/jsonlines',
      'text/csv',
    )
    .option('--no-wait', 'start the job and return instead of following it to its end')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  pnpm sagepack transform iris --input s3://my-data/iris/batch/ --output s3://my-data/iris/predictions/\n' +
        '  pnpm sagepack transform iris --input s3://my-data/rows.jsonl --output s3://my-data/out/ \\\n' +
        '      --content-type application/jsonlines --no-wait',
    )
    .action(async (name: string, options: TransformCommandOptions) => {
      const workspaceRoot = findWorkspaceRoot()
      // Loaded when the command runs: the AWS clients and core-train are not needed for --help.
      const { runTransform } = await import('@sagepack/aws')
      process.exitCode = await explainingAwsErrors(() =>
        runTransform({
          workspaceRoot,
          folder: locateModel(workspaceRoot, name),
          input: options.input,
          output: options.output,
          contentType: options.contentType,
          wait: options.wait,
          ...(options.run ? { runId: options.run } : {}),
        }),
      )
    })
}
