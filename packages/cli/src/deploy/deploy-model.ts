// `sagepack deploy <model> --stage <stage>`: verify the bundle, upload it content-addressed, create a
// change set of the model's endpoint stack, show it, execute it while streaming stack events, and
// smoke-test the endpoint with the model's example input. Re-running with nothing changed is a no-op.
// A dry run resolves and prints everything it would send, with no AWS call.
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { CloudFormationClient, ExecuteChangeSetCommand, type Parameter } from '@aws-sdk/client-cloudformation'
import { SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime'
import { MODEL_ENDPOINT_TEMPLATE, parseTemplate } from '@sagepack/cloudformation'
import {
  type ArtifactStore,
  bundleKey,
  openArtifactStore,
  sha256OfFile,
  UserError,
} from '@sagepack/core-data'
import { readDeploymentSettings, resolveConfig, type Stage } from '@sagepack/core-train'
import type { ModelFolder } from '@sagepack/core-train/workspace'
import { type Platform, platformFromEnv, platformStackName, resolvePlatform } from '../aws/platform'
import { IMAGE_TAG_ENV, RUNTIME_PATHS_FILE, runtimeImageTag } from '../aws/runtime-image-tag'
import { verifyArchive } from '../bundle/verify-archive'
import { BUNDLE_FILE } from '../bundle-model/bundle-model'
import { loadConfigDefinition } from '../models/load-config-definition'
import { createChangeSet, describeChanges } from './change-set'
import { checkReleasedBundle } from './check-released-bundle'
import { readExampleInput } from './example-input'
import { smokeTest } from './smoke-test'
import { stackName as stackNameOf, stackParameters } from './stack-parameters'
import { stackState } from './stack-state'
import { uploadModelData } from './upload-model-data'
import { formatEvent, waitForStack } from './wait-for-stack'

export interface DeployClients {
  cloudformation: Pick<CloudFormationClient, 'send'>
  runtime: Pick<SageMakerRuntimeClient, 'send'>
}

export interface DeployOptions {
  workspaceRoot: string
  folder: ModelFolder
  stage: Stage
  /** Default: models/<model>/dist/model.tar.gz, built first (training if needed) when missing. */
  bundle?: string
  dryRun?: boolean
  env?: Record<string, string | undefined>
  print?: (line: string) => void
  /** Made on first use, so a dry run never creates an AWS client. */
  clients?: () => DeployClients
  openStore?: (uri: string) => ArtifactStore
  /** Between polls of CloudFormation; tests pass 0. */
  pollMs?: number
  now?: () => Date
}

export async function deployModel(options: DeployOptions): Promise<number> {
  const { folder, stage, workspaceRoot } = options
  const env = options.env ?? process.env
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`))
  const now = options.now ?? (() => new Date())

  // Everything that can be wrong locally fails before any upload or AWS call.
  const definition = await loadConfigDefinition(folder)
  const config = resolveConfig(definition, { configFile: join(folder.dir, 'config.json'), env }).values
  const settings = readDeploymentSettings(config, folder.name)
  const example = await readExampleInput(folder, workspaceRoot)
  const bundle = await ensureBundle(options, print)
  const verified = await verifyArchive(bundle)
  await checkReleasedBundle({ folder, bundle, manifest: verified.manifest, workspaceRoot })
  const sha256 = await sha256OfFile(bundle)
  const templateBody = await readFile(MODEL_ENDPOINT_TEMPLATE, 'utf8')
  const stackName = stackNameOf(folder.name, stage)
  const compression = settings.deploy.uncompressedModelData ? 'None' : 'Gzip'
  print(
    `deploying ${folder.name} to ${stage}: bundle ${relative(workspaceRoot, bundle)} (sha256 ${sha256.slice(0, 12)}, verified)`,
  )

  if (options.dryRun) {
    const platform = await dryRunPlatform(workspaceRoot, env)
    const key = compression === 'Gzip' ? bundleKey(folder.name, sha256) : `${folder.name}/${sha256}/model/`
    const parameters = stackParameters({
      model: folder.name,
      stage,
      settings,
      platform,
      modelData: { url: `${platform.artifactStore}${key}`, compression, sha256 },
    })
    checkParameters(parameters, templateBody)
    print(
      `dry run: no AWS calls. Stack ${stackName} from ${relative(workspaceRoot, MODEL_ENDPOINT_TEMPLATE)}`,
    )
    print('parameters:')
    for (const p of parameters) print(`  ${p.ParameterKey} = ${p.ParameterValue}`)
    print(`smoke test: InvokeEndpoint ${folder.name}-${stage} with ${relative(workspaceRoot, example.path)}`)
    print(`template:\n${templateBody}`)
    return 0
  }

  const clients = (options.clients ?? defaultClients)()
  const platform = await resolvePlatform(clients.cloudformation, { workspaceRoot, env })
  const store = (options.openStore ?? ((uri) => openArtifactStore(uri)))(platform.artifactStore)
  const modelData = await uploadModelData({
    store,
    model: folder.name,
    bundle,
    sha256,
    files: verified.files,
    uncompressed: compression === 'None',
  })
  print(`${modelData.skipped ? 'already uploaded' : 'uploaded'}: ${modelData.url}`)
  const parameters = stackParameters({ model: folder.name, stage, settings, platform, modelData })
  checkParameters(parameters, templateBody)

  const state = await stackState(clients.cloudformation, stackName)
  const changeSetName = `sagepack-${sha256.slice(0, 12)}-${compactTime(now())}`
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
    pollMs: options.pollMs ?? 5000,
  })
  if (outcome.kind === 'failed') {
    print(`change set ${changeSetName} of ${stackName} failed: ${outcome.reason}`)
    return 1
  }
  if (outcome.kind === 'no-changes') {
    print(`no changes: ${stackName} already runs this bundle with these settings; nothing deployed`)
  } else {
    print(`${state.kind === 'absent' ? 'creating' : 'updating'} ${stackName}:`)
    for (const line of describeChanges(outcome.changes)) print(line)
    const since = now()
    await clients.cloudformation.send(
      new ExecuteChangeSetCommand({ StackName: stackName, ChangeSetName: changeSetName }),
    )
    const result = await waitForStack(clients.cloudformation, {
      stackName,
      since,
      pollMs: options.pollMs ?? 5000,
      print,
    })
    if (!result.ok) {
      print(`\n${stackName} ended ${result.status}; CloudFormation rolled the change back. Failed events:`)
      for (const event of result.failedEvents) print(formatEvent(event))
      return 1
    }
    print(`${stackName}: ${result.status}`)
  }
  const endpointName = `${folder.name}-${stage}`
  const answer = await smokeTest(clients.runtime, endpointName, example)
  print(`smoke test: ${endpointName} answered ${JSON.stringify(answer).slice(0, 300)}`)
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
  print(`${options.folder.name} has no bundle yet: building it (pnpm bundle ${options.folder.name})`)
  const { buildBundle } = await import('../bundle-model/build-bundle')
  const { defaultRunsRoot } = await import('@sagepack/core-train/workspace')
  const built = await buildBundle({
    workspaceRoot: options.workspaceRoot,
    folder: options.folder,
    runsRoot: defaultRunsRoot(options.workspaceRoot),
  })
  if (!built) {
    throw new UserError({
      input: `models/${options.folder.name}`,
      problem: 'could not be bundled (training failed; its reason is printed above)',
      fix: `fix the training error, then run pnpm bundle ${options.folder.name}`,
    })
  }
  return built.path
}

/** The environment's values where set; the rest named by where a real deploy reads them. */
async function dryRunPlatform(
  workspaceRoot: string,
  env: Record<string, string | undefined>,
): Promise<Platform> {
  const known = platformFromEnv(env)
  const stack = platformStackName(env)
  const tag = known.imageUri
    ? ''
    : await runtimeImageTag(workspaceRoot, env).catch(
        () => `<last commit changing ${RUNTIME_PATHS_FILE}, or ${IMAGE_TAG_ENV}>`,
      )
  return {
    artifactStore: known.artifactStore ?? `s3://<${stack} output ArtifactBucketName>/`,
    imageUri: known.imageUri ?? `<${stack} output RuntimeImageRepositoryUri>:${tag}`,
    executionRoleArn: known.executionRoleArn ?? `<${stack} output ExecutionRoleArn>`,
  }
}

/** The template and this code must agree on every parameter; drift is a bug, caught before any call. */
function checkParameters(parameters: readonly Parameter[], templateBody: string): void {
  const declared = Object.keys(parseTemplate(templateBody, MODEL_ENDPOINT_TEMPLATE).Parameters ?? {}).sort()
  const sent = parameters.map((p) => p.ParameterKey ?? '').sort()
  if (declared.join() !== sent.join()) {
    throw new Error(
      `model-endpoint.yaml declares parameters ${declared.join(', ')} but deploy sends ${sent.join(', ')}`,
    )
  }
}

function compactTime(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)
}

function defaultClients(): DeployClients {
  // Made only when a real deploy starts: a dry run needs no credentials or region.
  return { cloudformation: new CloudFormationClient({}), runtime: new SageMakerRuntimeClient({}) }
}
