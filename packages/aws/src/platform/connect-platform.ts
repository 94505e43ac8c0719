// What every command that works on AWS (deploy, transform, train --on sagemaker) does once its local
// checks pass: make its AWS clients, find the platform (bucket, image, role) and open its artifact
// store. The clients are made only then, so a refused flag or a dry run needs no credentials.
import type { CloudFormationClient } from '@aws-sdk/client-cloudformation'
import { type ArtifactStore, openArtifactStore } from '@sagepack/core-data'
import { type Platform, resolvePlatform } from './platform'

/** Every command's clients include CloudFormation, which the platform is read from. */
interface PlatformClients {
  cloudformation: Pick<CloudFormationClient, 'send'>
}

/** What such a command takes besides its own inputs; tests pass mocked clients and a local store. */
export interface AwsCommandOptions<Clients extends PlatformClients> {
  workspaceRoot: string
  env?: Record<string, string | undefined>
  print?: (line: string) => void
  /** Made on first use; the default reads region and credentials as the AWS SDK does. */
  clients?: () => Clients
  openStore?: (uri: string) => ArtifactStore
}

export async function connectPlatform<Clients extends PlatformClients>(
  options: AwsCommandOptions<Clients>,
  defaultClients: () => Clients,
): Promise<{ clients: Clients; platform: Platform; store: ArtifactStore }> {
  const env = options.env ?? process.env
  const clients = (options.clients ?? defaultClients)()
  const platform = await resolvePlatform(clients.cloudformation, {
    workspaceRoot: options.workspaceRoot,
    env,
  })
  const store = options.openStore
    ? options.openStore(platform.artifactStore)
    : openArtifactStore(platform.artifactStore, { env })
  return { clients, platform, store }
}

export function printLine(line: string): void {
  process.stdout.write(`${line}\n`)
}
