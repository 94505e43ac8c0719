import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation'
import { isUserError, UserError } from '@sagepack/core-data'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { explainAwsError, explainingAwsErrors } from './aws-errors'

const named = (name: string, message: string) => Object.assign(new Error(message), { name })

afterEach(() => {
  vi.unstubAllEnvs()
})

describe('explainAwsError', () => {
  it('names the missing region the SDK reports, and how to set it', async () => {
    // A real client with no region anywhere: the SDK fails before sending anything.
    for (const name of ['AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_PROFILE']) vi.stubEnv(name, undefined)
    vi.stubEnv('AWS_CONFIG_FILE', '/nonexistent/aws-config')
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', '/nonexistent/aws-credentials')
    const client = new CloudFormationClient({})
    const error = await explainingAwsErrors(() => client.send(new DescribeStacksCommand({}))).catch(
      (e: unknown) => e,
    )
    expect(isUserError(error)).toBe(true)
    expect((error as UserError).message).toContain('the AWS region: is not set')
    expect((error as UserError).fix).toContain('AWS_REGION')
  })

  it('explains missing, refused and insufficient credentials', () => {
    const explained = (error: Error) => explainAwsError(error) as UserError
    expect(
      explained(named('CredentialsProviderError', 'Could not load credentials from any providers')).message,
    ).toContain('the AWS credentials: were not found')
    expect(
      explained(named('ExpiredTokenException', 'The security token included in the request is expired'))
        .problem,
    ).toBe('were refused (ExpiredTokenException: The security token included in the request is expired)')
    const denied = explained(
      named(
        'AccessDenied',
        'User: arn:aws:iam::1:user/me is not authorized to perform: cloudformation:CreateChangeSet',
      ),
    )
    expect(denied.problem).toContain('cloudformation:CreateChangeSet')
    expect(denied.fix).toContain('aws sts get-caller-identity')
  })

  it('leaves user errors and everything else as they are', () => {
    const user = new UserError({ input: 'x', problem: 'y' })
    const other = named('ThrottlingException', 'Rate exceeded')
    expect(explainAwsError(user)).toBe(user)
    expect(explainAwsError(other)).toBe(other)
  })
})
