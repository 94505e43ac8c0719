// Parses CloudFormation YAML, short-form tags included (!Ref, !Sub, !GetAtt, ...), into the long JSON
// form CloudFormation itself works with, so every reader sees one shape whichever form was written.
import { isMap, parseDocument, type Tags, YAMLMap, type YAMLSeq } from 'yaml'
import type { CfnTemplate } from './cfn-template'

/** Short tag -> long form. `!GetAtt`'s dotted scalar form is also split into [resource, attribute] below. */
const FUNCTIONS: Record<string, string> = {
  '!Ref': 'Ref',
  '!Sub': 'Fn::Sub',
  '!Join': 'Fn::Join',
  '!If': 'Fn::If',
  '!Equals': 'Fn::Equals',
  '!Not': 'Fn::Not',
  '!And': 'Fn::And',
  '!Or': 'Fn::Or',
  '!Select': 'Fn::Select',
  '!Split': 'Fn::Split',
  '!FindInMap': 'Fn::FindInMap',
  '!GetAZs': 'Fn::GetAZs',
  '!ImportValue': 'Fn::ImportValue',
  '!Base64': 'Fn::Base64',
  '!Cidr': 'Fn::Cidr',
  '!GetAtt': 'Fn::GetAtt',
  '!Condition': 'Condition',
}

/** `!GetAtt Resource.Attribute` -> ['Resource', 'Attribute']; attribute names may hold dots themselves. */
function getAttArguments(value: string): string[] {
  const dot = value.indexOf('.')
  return dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)]
}

/**
 * Each function gets a tag for each YAML node kind, because CloudFormation allows several for most of
 * them (`!Sub 'text'` and `!Sub [text, {vars}]`, `!GetAtt A.b` and `!GetAtt [A, b]`). A collection is
 * wrapped in a one-key map node rather than converted here, so anchors and nested tags resolve as usual.
 */
function cloudFormationTags(): Tags {
  return Object.entries(FUNCTIONS).flatMap(([tag, name]) => [
    {
      tag,
      resolve: (value: string) => ({ [name]: name === 'Fn::GetAtt' ? getAttArguments(value) : value }),
    },
    ...(['seq', 'map'] as const).map((collection) => ({
      tag,
      collection,
      resolve: (node: YAMLSeq | YAMLMap) => {
        const wrapper = new YAMLMap()
        wrapper.set(name, node)
        return wrapper
      },
    })),
  ])
}

const TAGS = cloudFormationTags()

/** Parse a template's text; `name` (usually the file name) starts every error message. */
export function parseTemplate(body: string, name: string): CfnTemplate {
  const document = parseDocument(body, { customTags: TAGS, prettyErrors: true })
  // Unknown tags are only warnings to the yaml package; CloudFormation rejects them, so do we.
  const problem = document.errors[0] ?? document.warnings[0]
  if (problem) {
    const at = problem.linePos?.[0]
    const where = at ? `${name}:${at.line}:${at.col}` : name
    // The yaml package's message repeats the position and then quotes the source; the first part is enough.
    const message = (problem.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')
    throw new Error(`${where}: ${message}`)
  }
  if (!isMap(document.contents)) {
    throw new Error(`${name}: a CloudFormation template is a mapping with a Resources section`)
  }
  if (!isMap(document.get('Resources', true))) {
    throw new Error(`${name}: Resources must be a mapping of logical ids to resources`)
  }
  const template = document.toJS() as CfnTemplate
  for (const [id, resource] of Object.entries(template.Resources as Record<string, unknown>)) {
    if (resource === null || typeof resource !== 'object' || Array.isArray(resource)) {
      throw new Error(`${name}: resource ${id} must be a mapping`)
    }
    if (typeof (resource as { Type?: unknown }).Type !== 'string') {
      throw new Error(`${name}: resource ${id} has no Type`)
    }
  }
  return template
}
