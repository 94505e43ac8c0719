import { expect, it } from 'vitest'
import { parseTemplate } from '../parse-template'
import { applyParameters } from './apply-parameters'

const TEMPLATE = parseTemplate(
  `
Parameters:
  Size: { Type: Number, Default: 0, AllowedValues: [0, 1024] }
  Name: { Type: String, AllowedPattern: '^[a-z]+$' }
Conditions:
  IsSized: !Not [!Equals [!Ref Size, '0']]
  IsNamedAndSized: !And [!Condition IsSized, !Equals [!Ref Name, prod]]
Resources:
  Always:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !Ref Name
      DelaySeconds: !If [IsSized, !Ref Size, !Ref AWS::NoValue]
      Tags:
        - !If [IsNamedAndSized, { Key: a, Value: b }, !Ref AWS::NoValue]
        - { Key: c, Value: !Sub '\${Name}-\${AWS::Region}' }
  OnlySized:
    Type: AWS::SQS::Queue
    Condition: IsSized
Outputs:
  Sized: { Condition: IsSized, Value: !Ref OnlySized }
`,
  'apply.yaml',
)

it('evaluates conditions, resolves Fn::If and drops AWS::NoValue and false resources', () => {
  const off = applyParameters(TEMPLATE, { Name: 'dev' })
  expect(off.Resources).toEqual({
    Always: {
      Type: 'AWS::SQS::Queue',
      Properties: { QueueName: 'dev', Tags: [{ Key: 'c', Value: { 'Fn::Sub': '${Name}-${AWS::Region}' } }] },
    },
  })
  expect(off.Outputs).toEqual({})

  const on = applyParameters(TEMPLATE, { Name: 'prod', Size: '1024' })
  expect(on.Resources.Always?.Properties).toEqual({
    QueueName: 'prod',
    DelaySeconds: '1024',
    Tags: [
      { Key: 'a', Value: 'b' },
      { Key: 'c', Value: { 'Fn::Sub': '${Name}-${AWS::Region}' } },
    ],
  })
  expect(Object.keys(on.Resources)).toEqual(['Always', 'OnlySized'])
  expect(on.Outputs?.Sized?.Value).toEqual({ Ref: 'OnlySized' })
})

it('refuses values CloudFormation would refuse, and missing ones', () => {
  expect(() => applyParameters(TEMPLATE, { Name: 'Dev' })).toThrow(
    'parameter Name: "Dev" does not match AllowedPattern',
  )
  expect(() => applyParameters(TEMPLATE, { Name: 'dev', Size: '512' })).toThrow(
    'parameter Size: "512" is not one of AllowedValues',
  )
  expect(() => applyParameters(TEMPLATE, {})).toThrow('parameter Name has no value and no Default')
})
