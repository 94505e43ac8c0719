import { describe, expect, it } from 'vitest'
import { parseTemplate } from './parse-template'

function propertiesOf(yamlProperties: string): Record<string, unknown> {
  const body = `Resources:\n  R:\n    Type: AWS::S3::Bucket\n    Properties:\n${yamlProperties
    .trim()
    .split('\n')
    .map((line) => `      ${line}`)
    .join('\n')}\n`
  return parseTemplate(body, 't.yaml').Resources.R?.Properties ?? {}
}

describe('parseTemplate', () => {
  it('turns every short-form tag into its long form', () => {
    const properties = propertiesOf(`
ref: !Ref Name
sub: !Sub '\${Name}-x'
subList: !Sub ['\${x}-y', { x: !Ref Name }]
getAtt: !GetAtt Bucket.Arn
getAttDotted: !GetAtt Db.Endpoint.Address
getAttList: [!GetAtt [Bucket, Arn]]
join: !Join ['-', [a, !Ref Name]]
if: !If [IsProd, !Ref Name, !Ref AWS::NoValue]
equals: !Equals [a, b]
not: !Not [!Equals [a, b]]
and: !And [!Condition A, !Condition B]
or: !Or [!Condition A, !Equals [x, y]]
select: !Select [0, !GetAZs '']
split: !Split [',', 'a,b']
findInMap: !FindInMap [Map, key, value]
getAZs: !GetAZs eu-west-1
importValue: !ImportValue exported-name
importValueMap: !ImportValue { 'Fn::Sub': '\${Name}-out' }
base64: !Base64 text
cidr: !Cidr ['10.0.0.0/16', 4, 8]
condition: !Condition A
`)
    expect(properties).toEqual({
      ref: { Ref: 'Name' },
      sub: { 'Fn::Sub': '${Name}-x' },
      subList: { 'Fn::Sub': ['${x}-y', { x: { Ref: 'Name' } }] },
      getAtt: { 'Fn::GetAtt': ['Bucket', 'Arn'] },
      getAttDotted: { 'Fn::GetAtt': ['Db', 'Endpoint.Address'] },
      getAttList: [{ 'Fn::GetAtt': ['Bucket', 'Arn'] }],
      join: { 'Fn::Join': ['-', ['a', { Ref: 'Name' }]] },
      if: { 'Fn::If': ['IsProd', { Ref: 'Name' }, { Ref: 'AWS::NoValue' }] },
      equals: { 'Fn::Equals': ['a', 'b'] },
      not: { 'Fn::Not': [{ 'Fn::Equals': ['a', 'b'] }] },
      and: { 'Fn::And': [{ Condition: 'A' }, { Condition: 'B' }] },
      or: { 'Fn::Or': [{ Condition: 'A' }, { 'Fn::Equals': ['x', 'y'] }] },
      select: { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] },
      split: { 'Fn::Split': [',', 'a,b'] },
      findInMap: { 'Fn::FindInMap': ['Map', 'key', 'value'] },
      getAZs: { 'Fn::GetAZs': 'eu-west-1' },
      importValue: { 'Fn::ImportValue': 'exported-name' },
      importValueMap: { 'Fn::ImportValue': { 'Fn::Sub': '${Name}-out' } },
      base64: { 'Fn::Base64': 'text' },
      cidr: { 'Fn::Cidr': ['10.0.0.0/16', 4, 8] },
      condition: { Condition: 'A' },
    })
  })

  it('reads the long form and anchors the same way', () => {
    const properties = propertiesOf(`
long: { 'Fn::GetAtt': [Bucket, Arn] }
first: &shared !Sub 'arn:\${AWS::Partition}:s3:::x'
second: *shared
`)
    expect(properties.long).toEqual({ 'Fn::GetAtt': ['Bucket', 'Arn'] })
    expect(properties.second).toEqual(properties.first)
  })

  it('names the file, line and column of a YAML error', () => {
    expect(() => parseTemplate('Resources:\n  R:\n    Type: a: b\n', 'broken.yaml')).toThrow(
      'broken.yaml:3:11: Nested mappings are not allowed in compact mappings',
    )
  })

  it('rejects a tag CloudFormation does not know, at its line', () => {
    expect(() =>
      parseTemplate(
        'Resources:\n  R:\n    Type: AWS::S3::Bucket\n    Properties:\n      A: !Reff X\n',
        'typo.yaml',
      ),
    ).toThrow(/^typo\.yaml:5:\d+: .*!Reff/)
  })

  it('rejects duplicate keys', () => {
    expect(() => parseTemplate('Resources:\n  R:\n    Type: A\n  R:\n    Type: B\n', 'dup.yaml')).toThrow(
      /^dup\.yaml:4:\d+: .*unique/,
    )
  })

  it('requires a Resources mapping whose resources have a Type', () => {
    expect(() => parseTemplate('- a\n- b\n', 'list.yaml')).toThrow(
      'list.yaml: a CloudFormation template is a mapping',
    )
    expect(() => parseTemplate('Outputs: {}\n', 'empty.yaml')).toThrow(
      'empty.yaml: Resources must be a mapping',
    )
    expect(() => parseTemplate('Resources:\n  R:\n    Properties: {}\n', 'untyped.yaml')).toThrow(
      'untyped.yaml: resource R has no Type',
    )
  })
})
