// Every check of a parsed template against the CloudFormation resource specification, as one list of
// problems (`path: what is wrong`); an empty list means the template passed.
import type { CfnTemplate } from '../cfn-template'
import { checkParameters } from './check-parameters'
import { checkReferences } from './check-references'
import { checkResourceProperties } from './check-resource-properties'
import type { ResourceSpecification } from './spec-types'

export function checkTemplate(template: CfnTemplate, spec: ResourceSpecification): string[] {
  return [
    ...checkParameters(template),
    ...checkResourceProperties(template, spec),
    ...checkReferences(template, spec),
  ]
}
