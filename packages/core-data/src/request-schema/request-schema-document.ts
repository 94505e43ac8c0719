// The request schema as a JSON Schema (2020-12) document: what a bundle carries as schema.json, what
// `sagepack inspect` prints and what the runtime's OpenAPI is made of. The standard keywords describe a
// row a client may send; the `x-sagepack-*` annotations carry what JSON Schema has no word for (what
// training saw, how a missing value is filled), so the runtime reads the document back whole.
import {
  REQUEST_SCHEMA_FORMAT,
  type RequestFeature,
  type RequestLabel,
  type RequestSchema,
} from './request-schema'

export type JsonSchema = Record<string, unknown>

/** The annotation keywords, one place for the writer and the reader. */
export const ANNOTATIONS = {
  format: 'x-sagepack-format',
  model: 'x-sagepack-model',
  order: 'x-sagepack-order',
  kind: 'x-sagepack-kind',
  missing: 'x-sagepack-missing',
  trainingRange: 'x-sagepack-trainingRange',
  validRange: 'x-sagepack-validRange',
  categories: 'x-sagepack-categories',
} as const

const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema'

/** The whole document: it validates one request row (an object); `$defs` hold the array form and the label. */
export function requestSchemaDocument(schema: RequestSchema): JsonSchema {
  return {
    $schema: JSON_SCHEMA_DIALECT,
    title: `${schema.model}: one request row`,
    [ANNOTATIONS.format]: REQUEST_SCHEMA_FORMAT,
    [ANNOTATIONS.model]: schema.model,
    ...rowJsonSchema(schema),
    $defs: { values: rowValuesJsonSchema(schema), label: labelJsonSchema(schema.label) },
  }
}

/** A row as an object keyed by feature name. */
export function rowJsonSchema(schema: RequestSchema): JsonSchema {
  return {
    description:
      `One row for ${schema.model}: an object keyed by feature name. A feature without a fill is required ` +
      `(missing, null, NaN or empty is refused with 400); ${
        schema.unknownFields === 'warn'
          ? 'other fields are ignored and named in the warnings'
          : 'other fields are refused with 400'
      }.`,
    type: 'object',
    properties: Object.fromEntries(
      schema.features.map((feature) => [feature.name, featureJsonSchema(feature)]),
    ),
    required: schema.features.filter((feature) => feature.fill === undefined).map((feature) => feature.name),
    additionalProperties: schema.unknownFields === 'warn',
    [ANNOTATIONS.order]: schema.features.map((feature) => feature.name),
  }
}

/** A row as an array of values in feature order: what a CSV line and a JSON array row hold. */
export function rowValuesJsonSchema(schema: RequestSchema): JsonSchema {
  const names = schema.features.map((feature) => feature.name)
  return {
    description: `One row for ${schema.model} as its values in this order: ${names.join(', ')}.`,
    type: 'array',
    prefixItems: schema.features.map((feature) => ({ title: feature.name, ...featureJsonSchema(feature) })),
    items: false,
    minItems: names.length,
  }
}

export function featureJsonSchema(feature: RequestFeature): JsonSchema {
  const optional = feature.fill !== undefined
  const annotations: JsonSchema = {
    [ANNOTATIONS.kind]: feature.kind,
    [ANNOTATIONS.missing]: feature.fill ?? 'refused',
    ...(feature.trainingRange ? { [ANNOTATIONS.trainingRange]: feature.trainingRange } : {}),
    ...(feature.validRange ? { [ANNOTATIONS.validRange]: feature.validRange } : {}),
    ...(feature.categories ? { [ANNOTATIONS.categories]: feature.categories } : {}),
  }
  const doc = feature.doc === undefined ? {} : { description: feature.doc }
  switch (feature.kind) {
    case 'numeric':
      return { ...doc, type: optional ? ['number', 'null'] : 'number', ...annotations }
    case 'categorical':
      // CSV sends every value as text and JSON may send a number or a boolean; all are read as text.
      return {
        ...doc,
        type: optional ? ['string', 'number', 'boolean', 'null'] : ['string', 'number', 'boolean'],
        ...(optional ? {} : { minLength: 1 }),
        ...(feature.categories && feature.categories.length > 0 ? { examples: feature.categories } : {}),
        ...annotations,
      }
    case 'text':
      return {
        ...doc,
        type: optional ? ['string', 'null'] : 'string',
        ...(optional ? {} : { minLength: 1 }),
        ...annotations,
      }
  }
}

export function labelJsonSchema(label: RequestLabel): JsonSchema {
  if (label.kind === 'class') {
    return { title: label.name, type: 'string', enum: label.classes, [ANNOTATIONS.kind]: 'class' }
  }
  return {
    title: label.name,
    type: 'number',
    [ANNOTATIONS.kind]: 'numeric',
    ...(label.trainingRange ? { [ANNOTATIONS.trainingRange]: label.trainingRange } : {}),
    ...(label.validRange ? { [ANNOTATIONS.validRange]: label.validRange } : {}),
  }
}
