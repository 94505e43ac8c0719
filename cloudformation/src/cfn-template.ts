// The shape of a parsed CloudFormation template, as far as sagepack reads it: intrinsic functions
// appear in their long JSON form ({ Ref }, { 'Fn::Sub' }, ...), whichever form the YAML used.

export interface CfnParameter {
  Type: string
  Default?: unknown
  AllowedValues?: unknown[]
  AllowedPattern?: string
  Description?: string
  MinValue?: number
  MaxValue?: number
  MinLength?: number
  MaxLength?: number
  NoEcho?: boolean
  ConstraintDescription?: string
}

export interface CfnResource {
  Type: string
  Properties?: Record<string, unknown>
  Condition?: string
  DependsOn?: string | string[]
  DeletionPolicy?: string
  UpdateReplacePolicy?: string
  Metadata?: Record<string, unknown>
  CreationPolicy?: unknown
  UpdatePolicy?: unknown
}

interface CfnOutput {
  Value: unknown
  Description?: string
  Condition?: string
  Export?: { Name: unknown }
}

export interface CfnTemplate {
  AWSTemplateFormatVersion?: string
  Description?: string
  Metadata?: Record<string, unknown>
  Transform?: unknown
  Parameters?: Record<string, CfnParameter>
  Mappings?: Record<string, Record<string, Record<string, unknown>>>
  Conditions?: Record<string, unknown>
  Rules?: Record<string, unknown>
  Resources: Record<string, CfnResource>
  Outputs?: Record<string, CfnOutput>
}
