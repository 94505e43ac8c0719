import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { readTemplate } from './read-template'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sagepack-cfn-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

it('returns the exact text and the parsed template', async () => {
  const path = join(dir, 'stack.yaml')
  const body =
    "# a comment CloudFormation keeps\nResources:\n  Topic:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !Sub '${AWS::StackName}-events'\n"
  await writeFile(path, body)
  const read = await readTemplate(path)
  expect(read.body).toBe(body)
  expect(read.template).toEqual({
    Resources: {
      Topic: {
        Type: 'AWS::SNS::Topic',
        Properties: { TopicName: { 'Fn::Sub': '${AWS::StackName}-events' } },
      },
    },
  })
})

it('names the file in a parse error', async () => {
  const path = join(dir, 'bad.yaml')
  await writeFile(path, 'Resources:\n  R: !Nope x\n')
  await expect(readTemplate(path)).rejects.toThrow(`${path}:2:`)
})
