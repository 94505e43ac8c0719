// `sagepack deploy <model> --stage <stage>`: verify the bundle, upload it content-addressed, create a
// change set of the model's endpoint stack, show it, execute it while streaming stack events, check
// that the endpoint serves the EndpointConfig the stack made (SageMaker may have rolled it back), and
// smoke-test the endpoint with the model's example input. Re-running with nothing changed is a no-op.
// A dry run resolves and prints everything it would send, with no AWS call.
import { existsSync } from 'node:fs'
import { stat } from 'node:fs/promises'
import { join, relative } from 'node:path'
import {
  CloudFormationClient,
  ExecuteChangeSetCommand,
  type Parameter,
  type Stack,
} from '@aws-sdk/client-cloudformation'
import { SageMakerClient } from '@aws-sdk/client-sagemaker'
import { SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime'
import { BUNDLE_FILE, verifyArchive } from '@sagepack/bundle'
import { type CfnTemplate, MODEL_ENDPOINT_TEMPLATE, readTemplate } from '@sagepack/cloudformation'
import { sha256OfFile, UserError } from '@sagepack/core-data'
import type { Stage } from '@sagepack/core-train'
import type { ModelFolder } from '@sagepack/core-train/workspace'
import { type AwsCommandOptions, connectPlatform, printLine } from '../platform/connect-platform'
import { platformPlaceholders } from '../platform/platform'
import { timeStamp } from '../platform/time-stamp'
import { createChangeSet, describeChanges } from './change-set'
import { checkReleasedBundle } from './check-released-bundle'
import { describeLiveEndpoint } from './describe-live-endpoint'
import { checkEndpointKind } from './endpoint-kind'
import { readExampleInput } from './example-input'
import { modelDeploymentSettings } from './model-deployment-settings'
import { servedEndpointConfig } from './served-endpoint-config'
import { smokeTest } from './smoke-test'
import { endpointName, stackName as stackNameOf, stackParameters } from './stack-parameters'
import { stackState } from './stack-state'
import { startupTimeouts } from './startup-timeouts'
import { modelDataKey, uploadModelData } from './upload-model-data'
import { formatEvent, waitForStack } from './wait-for-stack'

interface DeployClients {
  cloudformation: Pick<CloudFormationClient, 'send'>
  /** DescribeEndpoint only: what the endpoint runs before and serves after the stack changes. */
  sagemaker: Pick<SageMakerClient, 'send'>
  runtime: Pick<SageMakerRuntimeClient, 'send'>
}

export interface DeployOptions extends AwsCommandOptions<DeployClients> {
  folder: ModelFolder
  stage: Stage
  /** Default: models/<model>/dist/model.tar.gz, built first with `buildBundle` when missing. */
  bundle?: string
  /**
   * Builds the model's bundle (training a run first if needed) when it has none; the caller's, since
   * picking the run and showing progress are the command's. Resolves to null when training failed.
   */
  buildBundle?: () => Promise<{ path: string } | null>
  /** Resolves and prints what a deploy would send, with no AWS client made. */
  dryRun?: boolean
  /** Between polls of CloudFormation; tests pass 0. */
  pollMs?: number
  now?: () => Date
}

export async function deployModel(options: DeployOptions): Promise<number> {
  const { folder, stage, workspaceRoot } = options
  const env = options.env ?? process.env
  const print = options.print ?? printLine
  const now = options.now ?? (() => new Date())
  const pollMs = options.pollMs ?? 5000

  // Everything that can be wrong locally fails before any upload or AWS call.
  const settings = await modelDeploymentSettings(folder, env)
  const example = await readExampleInput(folder, workspaceRoot)
  const bundle = await ensureBundle(options, print)
  const verified = await verifyArchive(bundle)
  await checkReleasedBundle({ folder, bundle, manifest: verified.manifest, workspaceRoot })
  const sha256 = await sha256OfFile(bundle)
  // Parsed once here: its Parameters are checked against what deploy sends before any AWS call.
  const { body: templateBody, template } = await readTemplate(MODEL_ENDPOINT_TEMPLATE)
  const stackName = stackNameOf(folder.name, stage)
  const endpoint = endpointName(folder.name, stage)
  const uncompressed = settings.deploy.uncompressedModelData
  const extractedBytes = verified.files.reduce((sum, file) => sum + file.size, 0)
  // Uncompressed model data is downloaded as the files themselves.
  const startup = startupTimeouts({
    archiveBytes: uncompressed ? extractedBytes : (await stat(bundle)).size,
    extractedBytes,
  })
  print(
    `deploying ${folder.name} to ${stage}: bundle ${relative(workspaceRoot, bundle)} (sha256 ${sha256.slice(0, 12)}, verified)`,
  )

  if (options.dryRun) {
    const platform = await platformPlaceholders(workspaceRoot, env)
    const parameters = stackParameters({
      model: folder.name,
      stage,
      settings,
      platform,
      modelData: {
        url: `${platform.artifactStore}${modelDataKey(folder.name, sha256, uncompressed)}`,
        compression: uncompressed ? 'None' : 'Gzip',
        sha256,
      },
      startup,
    })
    checkParameters(parameters, template)
    print(
      `dry run: no AWS calls. Stack ${stackName} from ${relative(workspaceRoot, MODEL_ENDPOINT_TEMPLATE)}`,
    )
    print('parameters:')
    for (const p of parameters) print(`  ${p.ParameterKey} = ${p.ParameterValue}`)
    print(`smoke test: InvokeEndpoint ${endpoint} with ${relative(workspaceRoot, example.path)}`)
    print(`template:\n${templateBody}`)
    return 0
  }

  const { clients, platform, store } = await connectPlatform(options, defaultClients)
  // A stack a deploy cannot use, or an endpoint switch SageMaker refuses, is refused before anything
  // is uploaded.
  const state = await stackState(clients.cloudformation, stackName)
  if (state.kind === 'ready') {
    checkEndpointKind({
      live: await describeLiveEndpoint(clients.sagemaker, endpoint),
      model: folder.name,
      stage,
      stackName,
      serverlessMemorySizeInMB: settings.deploy[stage].serverlessMemorySizeInMB,
      print,
    })
  }
  const modelData = await uploadModelData({
    store,
    model: folder.name,
    bundle,
    sha256,
    files: verified.files,
    uncompressed,
  })
  print(`${modelData.skipped ? 'already uploaded' : 'uploaded'}: ${modelData.url}`)
  const parameters = stackParameters({ model: folder.name, stage, settings, platform, modelData, startup })
  checkParameters(parameters, template)

  const changeSetName = `sagepack-${sha256.slice(0, 12)}-${timeStamp(now())}`
  const outcome = await createChangeSet(clients.cloudformation, {
    stackName,
    changeSetName,
    create: state.kind === 'absent',
    templateBody,
    parameters,
    tags: [
      { Key: 'sagepack:model', Value: folder.name },
      { Key: 'sagepack:stage', Value: stage },
      { Key: 'sagepack:bundle-digest', Value: sha256 },
    ],
    pollMs,
  })
  if (outcome.kind === 'failed') {
    print(`change set ${changeSetName} of ${stackName} failed: ${outcome.reason}`)
    return 1
  }
  let settled = state.kind === 'ready' ? state.stack : undefined
  if (outcome.kind === 'no-changes') {
    print(`no changes: ${stackName} already runs this bundle with these settings; nothing deployed`)
  } else {
    print(`${state.kind === 'absent' ? 'creating' : 'updating'} ${stackName}:`)
    for (const line of describeChanges(outcome.changes)) print(line)
    const since = now()
    await clients.cloudformation.send(
      new ExecuteChangeSetCommand({ StackName: stackName, ChangeSetName: changeSetName }),
    )
    const result = await waitForStack(clients.cloudformation, { stackName, since, pollMs, print })
    if (!result.ok) {
      print(`\n${stackName} ended ${result.status}; CloudFormation rolled the change back. Failed events:`)
      for (const event of result.failedEvents) print(formatEvent(event))
      return 1
    }
    print(`${stackName}: ${result.status}`)
    settled = result.stack
  }
  // Also after "no changes": an earlier deploy may have been rolled back by SageMaker after its stack
  // completed, and re-running must not call that a success.
  const served = await servedEndpointConfig(clients.sagemaker, {
    endpointName: endpoint,
    expectedConfig: stackOutput(settled, 'EndpointConfigName', stackName),
    pollMs,
    now,
  })
  if (!served.ok) {
    print('')
    for (const line of served.lines) print(line)
    return 1
  }
  const answer = await smokeTest(clients.runtime, endpoint, example)
  print(`smoke test: ${endpoint} answered ${JSON.stringify(answer).slice(0, 300)}`)
  return 0
}

async function ensureBundle(options: DeployOptions, print: (line: string) => void): Promise<string> {
  if (options.bundle) {
    if (!existsSync(options.bundle)) {
      throw new UserError({
        input: `--bundle ${options.bundle}`,
        problem: 'does not exist',
        expected: 'a model.tar.gz written by sagepack bundle',
        fix: `run pnpm bundle ${options.folder.name}, or leave --bundle out`,
      })
    }
    return options.bundle
  }
  const path = join(options.folder.dir, BUNDLE_FILE)
  if (existsSync(path)) return path
  if (!options.buildBundle) {
    throw new UserError({
      input: relative(options.workspaceRoot, path),
      problem: 'does not exist',
      expected: 'a model.tar.gz written by sagepack bundle',
      fix: `run pnpm bundle ${options.folder.name}, or give --bundle`,
    })
  }
  print(`${options.folder.name} has no bundle yet: building it (pnpm bundle ${options.folder.name})`)
  const built = await options.buildBundle()
  if (!built) {
    throw new UserError({
      input: `models/${options.folder.name}`,
      problem: 'could not be bundled (training failed; its reason is printed above)',
      fix: `fix the training error, then run pnpm bundle ${options.folder.name}`,
    })
  }
  return built.path
}

/** The template and this code must agree on every parameter; drift is a bug, caught before any call. */
function checkParameters(parameters: readonly Parameter[], template: CfnTemplate): void {
  const declared = Object.keys(template.Parameters ?? {}).sort()
  const sent = parameters.map((p) => p.ParameterKey ?? '').sort()
  if (declared.join() !== sent.join()) {
    throw new Error(
      `model-endpoint.yaml declares parameters ${declared.join(', ')} but deploy sends ${sent.join(', ')}`,
    )
  }
}

/** model-endpoint.yaml declares the output; a settled stack without it is not one of its stacks. */
function stackOutput(stack: Stack | undefined, key: string, stackName: string): string {
  const value = stack?.Outputs?.find((output) => output.OutputKey === key)?.OutputValue
  if (!value) throw new Error(`stack ${stackName} has no output ${key}, which model-endpoint.yaml declares`)
  return value
}

function defaultClients(): DeployClients {
  // Made only when a real deploy starts: a dry run needs no credentials or region.
  return {
    cloudformation: new CloudFormationClient({}),
    sagemaker: new SageMakerClient({}),
    runtime: new SageMakerRuntimeClient({}),
  }
}
