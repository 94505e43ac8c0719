// Proves the checks bite: a small valid template passes, and each kind of mistake in it is reported
// with its path. The real templates are checked in ../templates.test.ts.
import { describe, expect, it } from 'vitest'
import { parseTemplate } from '../parse-template'
import { checkTemplate } from './check-template'
import { resourceSpecification } from './resource-spec'

const spec = resourceSpecification()

const GOOD = `
Parameters:
  Name:
    Type: String
    AllowedPattern: '^[a-z-]*$'
    Default: ''
Conditions:
  HasName: !Not [!Equals [!Ref Name, '']]
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Condition: HasName
    Properties:
      BucketName: !Join ['-', [!Ref Name, !Ref AWS::Region]]
      VersioningConfiguration:
        Status: Enabled
      ObjectLockEnabled: false
      Tags:
        - Key: owner
          Value: !Sub '\${Name}-\${AWS::AccountId}'
  Policy:
    Type: AWS::S3::BucketPolicy
    Condition: HasName
    Properties:
      Bucket: !Ref Bucket
      PolicyDocument:
        Statement:
          - Effect: Deny
            Principal: '*'
            Action: 's3:*'
            Resource: !Sub '\${Bucket.Arn}/*'
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      DelaySeconds: !If [HasName, 5, !Ref AWS::NoValue]
      Tags: !If
        - HasName
        - - Key: bucket
            Value: !Ref Bucket
        - !Ref AWS::NoValue
Outputs:
  BucketArn:
    Condition: HasName
    Value: !GetAtt Bucket.Arn
`

function problems(template: string): string[] {
  return checkTemplate(parseTemplate(template, 'inline.yaml'), spec)
}

/** GOOD with one piece of text replaced; fails loudly if the piece is not there. */
function goodWith(from: string, to: string): string {
  if (!GOOD.includes(from)) throw new Error(`the test template has no ${JSON.stringify(from)}`)
  return GOOD.replace(from, to)
}

describe('checkTemplate', () => {
  it('passes a valid template using conditions, Fn::If, Fn::Sub and GetAtt', () => {
    expect(problems(GOOD)).toEqual([])
  })

  it('reports an unknown property', () => {
    expect(problems(goodWith('      ObjectLockEnabled: false', '      ObjectLockEnabld: false'))).toEqual([
      'Resources.Bucket.Properties.ObjectLockEnabld: unknown property of AWS::S3::Bucket',
    ])
  })

  it('reports an unknown property inside a list of property types', () => {
    expect(problems(goodWith('          Value: !Sub', '          Valu: !Sub'))).toEqual([
      'Resources.Bucket.Properties.Tags[0].Valu: unknown property of Tag',
      'Resources.Bucket.Properties.Tags[0]: missing required property Value of Tag',
    ])
  })

  it('reports an unknown resource type', () => {
    expect(problems(goodWith('Type: AWS::SQS::Queue', 'Type: AWS::SQS::Queueue'))).toEqual([
      'Resources.Queue.Type: AWS::SQS::Queueue is not a resource type of the CloudFormation resource specification 117.0.0',
    ])
  })

  it('reports a missing required property, at the resource and inside a property type', () => {
    expect(problems(goodWith('      Bucket: !Ref Bucket\n', ''))).toEqual([
      'Resources.Policy.Properties: missing required property Bucket of AWS::S3::BucketPolicy',
    ])
    expect(problems(goodWith('        Status: Enabled', '        {}'))).toContain(
      'Resources.Bucket.Properties.VersioningConfiguration: missing required property Status of AWS::S3::Bucket.VersioningConfiguration',
    )
  })

  it('reports values of the wrong primitive type or shape', () => {
    expect(problems(goodWith('ObjectLockEnabled: false', 'ObjectLockEnabled: maybe'))).toEqual([
      'Resources.Bucket.Properties.ObjectLockEnabled: "maybe" is not of type Boolean',
    ])
    expect(problems(goodWith('        Status: Enabled', '        Status: [Enabled]'))).toEqual([
      'Resources.Bucket.Properties.VersioningConfiguration.Status: ["Enabled"] is not of type String',
    ])
    expect(
      problems(
        goodWith(
          '      VersioningConfiguration:\n        Status: Enabled',
          '      VersioningConfiguration: Enabled',
        ),
      ),
    ).toEqual([
      'Resources.Bucket.Properties.VersioningConfiguration: "Enabled" is not a VersioningConfiguration (a mapping)',
    ])
  })

  it('checks both branches of Fn::If in place', () => {
    expect(
      problems(goodWith('[HasName, 5, !Ref AWS::NoValue]', '[HasName, soon, !Ref AWS::NoValue]')),
    ).toEqual(['Resources.Queue.Properties.DelaySeconds(Fn::If true): "soon" is not of type Integer'])
    expect(problems(goodWith('        - - Key: bucket', '        - - Kee: bucket'))).toEqual([
      'Resources.Queue.Properties.Tags(Fn::If true)[0].Kee: unknown property of Tag',
      'Resources.Queue.Properties.Tags(Fn::If true)[0]: missing required property Key of Tag',
    ])
  })

  it('reports a dangling Ref, GetAtt or Fn::Sub reference', () => {
    expect(problems(goodWith('Bucket: !Ref Bucket', 'Bucket: !Ref Buckett'))).toEqual([
      'Resources.Policy.Properties.Bucket.Ref: Ref to Buckett, which is not a parameter, resource or pseudo parameter',
    ])
    expect(problems(goodWith('Value: !GetAtt Bucket.Arn', 'Value: !GetAtt Bucket.Arm'))).toEqual([
      'Outputs.BucketArn.Value.Fn::GetAtt: AWS::S3::Bucket has no attribute Arm (it has: Arn, DomainName, DualStackDomainName, RegionalDomainName, WebsiteURL)',
    ])
    expect(problems(goodWith("!Sub '${Name}-${AWS::AccountId}'", "!Sub '${Nam}-${AWS::Acount}'"))).toEqual([
      'Resources.Bucket.Properties.Tags[0].Value.Fn::Sub ${Nam}: Ref to Nam, which is not a parameter, resource or pseudo parameter',
      'Resources.Bucket.Properties.Tags[0].Value.Fn::Sub ${AWS::Acount}: Ref to AWS::Acount, which is not a parameter, resource or pseudo parameter',
    ])
    expect(problems(goodWith("!Sub '${Bucket.Arn}/*'", "!Sub '${Buckit.Arn}/*'"))).toEqual([
      'Resources.Policy.Properties.PolicyDocument.Statement[0].Resource.Fn::Sub ${Buckit.Arn}: Fn::GetAtt of "Buckit", which is not a resource',
    ])
  })

  it('reports an undefined or unused condition', () => {
    expect(
      problems(
        goodWith(
          '    Condition: HasName\n    Properties:\n      Bucket:',
          '    Condition: HasNam\n    Properties:\n      Bucket:',
        ),
      ),
    ).toEqual([
      'Resources.Policy.Condition: condition "HasNam" is not defined in Conditions',
      'Resources.Policy.Properties.Bucket.Ref: Bucket exists only when HasName; refer to it under Fn::If [HasName, ...] or the same Condition',
      'Resources.Policy.Properties.PolicyDocument.Statement[0].Resource.Fn::Sub ${Bucket.Arn}: Bucket exists only when HasName; refer to it under Fn::If [HasName, ...] or the same Condition',
    ])
    expect(problems(goodWith('!If [HasName, 5,', '!If [HasNo, 5,'))).toEqual([
      'Resources.Queue.Properties.DelaySeconds.Fn::If: condition "HasNo" is not defined in Conditions',
    ])
    expect(problems(goodWith('Conditions:\n', 'Conditions:\n  Unused: !Equals [a, b]\n'))).toEqual([
      'Conditions.Unused: declared but never used',
    ])
  })

  it('reports a conditional resource referenced where its condition may be false', () => {
    expect(problems(goodWith('  BucketArn:\n    Condition: HasName\n', '  BucketArn:\n'))).toEqual([
      'Outputs.BucketArn.Value.Fn::GetAtt: Bucket exists only when HasName; refer to it under Fn::If [HasName, ...] or the same Condition',
    ])
  })

  it('reports unused parameters, bad defaults and unknown sections or functions', () => {
    expect(problems(goodWith('Parameters:\n', 'Parameters:\n  Spare:\n    Type: String\n'))).toEqual([
      'Parameters.Spare: declared but never used',
    ])
    expect(problems(goodWith("    Default: ''", '    Default: Not-Lowercase'))).toEqual([
      'Parameters.Name.Default: "Not-Lowercase" does not match AllowedPattern',
    ])
    expect(problems(goodWith('Parameters:\n', 'Paramters: {}\nParameters:\n'))).toEqual([
      'Paramters: not a template section',
    ])
    expect(
      problems(
        goodWith("BucketName: !Join ['-',", "BucketName: { 'Fn::Joint': ['-',").replace(
          '!Ref AWS::Region]]',
          '!Ref AWS::Region]] }',
        ),
      ),
    ).toEqual(['Resources.Bucket.Properties.BucketName.Fn::Joint: Fn::Joint is not an intrinsic function'])
  })

  it('does not let a condition refer to a resource', () => {
    expect(
      problems(
        goodWith("HasName: !Not [!Equals [!Ref Name, '']]", "HasName: !Not [!Equals [!Ref Queue, '']]"),
      ),
    ).toEqual([
      'Conditions.HasName.Fn::Not[0].Fn::Equals[0].Ref: conditions can refer to parameters only, not to the resource Queue',
    ])
  })
})
