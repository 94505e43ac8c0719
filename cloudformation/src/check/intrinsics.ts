// What CloudFormation evaluates rather than takes literally: intrinsic functions, pseudo parameters,
// and the ${...} references inside an Fn::Sub string.

export const PSEUDO_PARAMETERS = new Set([
  'AWS::AccountId',
  'AWS::NotificationARNs',
  'AWS::NoValue',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackId',
  'AWS::StackName',
  'AWS::URLSuffix',
])

export const INTRINSIC_FUNCTIONS = new Set([
  'Ref',
  'Fn::Base64',
  'Fn::Cidr',
  'Fn::FindInMap',
  'Fn::GetAtt',
  'Fn::GetAZs',
  'Fn::ImportValue',
  'Fn::Join',
  'Fn::Length',
  'Fn::Select',
  'Fn::Split',
  'Fn::Sub',
  'Fn::ToJsonString',
  'Fn::Transform',
  'Fn::If',
  'Fn::Equals',
  'Fn::Not',
  'Fn::And',
  'Fn::Or',
])

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/** The function a value calls (`{ "Fn::Sub": ... }` -> 'Fn::Sub'), or undefined for a literal. */
export function intrinsicName(value: unknown): string | undefined {
  if (!isPlainObject(value)) return undefined
  const keys = Object.keys(value)
  const key = keys[0]
  return keys.length === 1 && key !== undefined && (key === 'Ref' || key.startsWith('Fn::')) ? key : undefined
}

export function isNoValue(value: unknown): boolean {
  return isPlainObject(value) && value.Ref === 'AWS::NoValue'
}

/** Names referenced by an Fn::Sub string: `${Name}` and `${Resource.Attribute}`, not the `${!Literal}` escape. */
export function subReferences(text: string): string[] {
  return [...text.matchAll(/\$\{([^}]*)\}/g)].flatMap((match) => {
    const name = (match[1] ?? '').trim()
    return name.startsWith('!') ? [] : [name]
  })
}
