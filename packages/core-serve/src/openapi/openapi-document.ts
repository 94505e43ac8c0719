// GET /openapi.json: OpenAPI 3.1 for the SageMaker contract this runtime serves, made from the bundle's
// request schema and example: /invocations in each content type with its request and answer schemas and
// examples, /ping, /execution-parameters, and the try-it page. Schemas are JSON Schema 2020-12, the
// dialect OpenAPI 3.1 uses, so the row schema is the one schema.json holds.
import {
  type JsonSchema,
  labelJsonSchema,
  type RequestSchema,
  rowJsonSchema,
  rowValuesJsonSchema,
} from '@sagepack/core-data'
import { SUPPORTED_MEDIA_TYPES } from '../codecs/codec-registry'
import type { ExecutionParameters } from '../server/execution-parameters'
import type { BundleIdentity } from './bundle-identity'
import type { ExampleBodies } from './example-rows'

/** The model's own answer to its example, when it could give one. */
export interface ExampleAnswer {
  predictionSchema: JsonSchema
  json: unknown
  csv: string
  jsonLines: string
}

export interface OpenApiInputs {
  identity: BundleIdentity
  requestSchema: RequestSchema | null
  example: ExampleBodies | undefined
  answer: ExampleAnswer | undefined
  executionParameters: ExecutionParameters
}

const JSON_TYPE = 'application/json'
const CSV_TYPE = 'text/csv'
const JSON_LINES_TYPE = 'application/jsonlines'

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })

export function openApiDocument(inputs: OpenApiInputs): Record<string, unknown> {
  const { identity, requestSchema, example, answer } = inputs
  const names = requestSchema?.features.map((feature) => feature.name) ?? []
  const order = names.length > 0 ? names.join(', ') : 'the model’s input order'
  return {
    openapi: '3.1.0',
    info: {
      title: `${identity.model} on the sagepack runtime`,
      version: identity.version,
      description:
        `The SageMaker inference contract for ${identity.model} (run ${identity.runId}). ` +
        'Every request row is checked by one rule, whatever its format: a feature is required unless the ' +
        'schema says how a missing value is filled, and a required feature that is missing, null, NaN or ' +
        'empty is answered 400 naming the row, the field and the fix. Fields that are not features, and ' +
        'values outside what training saw, are answered and listed in the warnings.',
      'x-sagepack-bundle': identity,
    },
    paths: {
      '/invocations': { post: invocationsOperation(order, example, answer) },
      '/ping': {
        get: {
          operationId: 'ping',
          summary: 'Health check: 200 once every worker has loaded the model',
          responses: {
            '200': { description: 'The model is loaded; the body is empty' },
            '503': errorResponse('The model is still loading'),
          },
        },
      },
      '/execution-parameters': {
        get: {
          operationId: 'executionParameters',
          summary: 'How Batch Transform should batch and parallelise requests to this container',
          responses: {
            '200': {
              description: 'The parameters, in SageMaker’s names',
              content: {
                [JSON_TYPE]: { schema: ref('ExecutionParameters'), example: inputs.executionParameters },
              },
            },
          },
        },
      },
      '/openapi.json': {
        get: {
          operationId: 'openapi',
          summary: 'This document',
          responses: { '200': { description: 'OpenAPI 3.1', content: { [JSON_TYPE]: {} } } },
        },
      },
      '/': {
        get: {
          operationId: 'tryIt',
          summary: 'The try-it page: a form made from the request schema, the answer, and what it took',
          responses: { '200': { description: 'An HTML page', content: { 'text/html': {} } } },
        },
      },
    },
    components: { schemas: componentSchemas(requestSchema, answer) },
  }
}

function invocationsOperation(
  order: string,
  example: ExampleBodies | undefined,
  answer: ExampleAnswer | undefined,
): Record<string, unknown> {
  return {
    operationId: 'invoke',
    summary: 'Predict: rows in, one prediction per row out, in the order sent',
    description:
      'The request format is named by Content-Type, the answer format by Accept (JSON when absent). ' +
      'Every answer carries Server-Timing: the time each stage took.',
    parameters: [
      {
        name: 'X-Amzn-SageMaker-Custom-Attributes',
        in: 'header',
        required: false,
        description: 'Passed to the model’s handler; it may answer attributes in the same header',
        schema: { type: 'string', maxLength: 1024 },
      },
    ],
    requestBody: {
      required: true,
      content: {
        [JSON_TYPE]: {
          schema: ref('JsonRequest'),
          ...(example ? { example: example.json } : {}),
        },
        [CSV_TYPE]: {
          schema: {
            type: 'string',
            description: `One row per line, no header, values in this order: ${order}. A value holding a comma, quote or line break goes in double quotes.`,
          },
          ...(example ? { example: example.csv } : {}),
        },
        [JSON_LINES_TYPE]: {
          schema: {
            type: 'string',
            description: `One row per line, each a JSON object keyed by feature name (see Row) or an array of values in this order: ${order}.`,
          },
          ...(example ? { example: example.jsonLines } : {}),
        },
      },
    },
    responses: {
      '200': {
        description:
          'One prediction per row. A JSON answer lists its warnings beside the predictions; every answer counts them in X-Sagepack-Warning-Count and lists the first in X-Sagepack-Warnings.',
        headers: {
          'Server-Timing': {
            description:
              'Milliseconds per stage: read (the body arriving), queue (waiting for a worker and for its batch), hop (between threads), decode, validate, preprocess, predict, postprocess, encode, and total',
            schema: { type: 'string' },
          },
          'X-Sagepack-Warning-Count': {
            description: 'How many warnings the answer has (absent when none)',
            schema: { type: 'integer', minimum: 1 },
          },
          'X-Sagepack-Warnings': {
            description: 'The first warnings as a JSON array of Warning (absent when none)',
            schema: { type: 'string' },
          },
        },
        content: {
          [JSON_TYPE]: { schema: ref('JsonAnswer'), ...(answer ? { example: answer.json } : {}) },
          [CSV_TYPE]: {
            schema: {
              type: 'string',
              description:
                'One line per prediction: a number as itself, an object as its values in order, lists spread',
            },
            ...(answer ? { example: answer.csv } : {}),
          },
          [JSON_LINES_TYPE]: {
            schema: { type: 'string', description: 'One JSON prediction (see Prediction) per line' },
            ...(answer ? { example: answer.jsonLines } : {}),
          },
        },
      },
      '400': errorResponse(
        'A row does not fit: the message names the row (counting from 0), the field and the fix',
      ),
      '406': errorResponse(
        `The Accept header names no type this server writes (${SUPPORTED_MEDIA_TYPES.join(', ')})`,
      ),
      '413': errorResponse('The body is over the payload limit (SAGEMAKER_MAX_PAYLOAD_IN_MB)'),
      '415': errorResponse(
        `The Content-Type is none this server reads (${SUPPORTED_MEDIA_TYPES.join(', ')})`,
      ),
      '500': errorResponse('The model failed; the message says where'),
    },
  }
}

function errorResponse(description: string): Record<string, unknown> {
  return { description, content: { [JSON_TYPE]: { schema: ref('Error') } } }
}

function componentSchemas(
  schema: RequestSchema | null,
  answer: ExampleAnswer | undefined,
): Record<string, unknown> {
  const row = schema
    ? rowJsonSchema(schema)
    : {
        description: 'One row: an array of the model’s input numbers (this bundle has no request schema)',
        type: 'array',
        items: { type: 'number' },
      }
  const values = schema ? rowValuesJsonSchema(schema) : { type: 'array', items: { type: 'number' } }
  return {
    Row: row,
    RowValues: values,
    ...(schema ? { Label: labelJsonSchema(schema.label) } : {}),
    JsonRequest: {
      description:
        'Rows under "instances" or "inputs" (TensorFlow Serving’s row format), a bare list of rows, or one row object',
      oneOf: [
        {
          type: 'object',
          properties: {
            instances: { type: 'array', minItems: 1, items: { anyOf: [ref('Row'), ref('RowValues')] } },
          },
          required: ['instances'],
        },
        {
          type: 'object',
          properties: {
            inputs: { type: 'array', minItems: 1, items: { anyOf: [ref('Row'), ref('RowValues')] } },
          },
          required: ['inputs'],
        },
        { type: 'array', minItems: 1, items: { anyOf: [ref('Row'), ref('RowValues')] } },
        ref('Row'),
      ],
    },
    Prediction: answer
      ? { description: 'One prediction, as the model answers its example', ...answer.predictionSchema }
      : { description: 'One prediction: an object, a number, a list of numbers or a string' },
    Warning: {
      type: 'object',
      properties: {
        row: {
          type: 'integer',
          minimum: 0,
          description: 'The row, counting from 0; absent for the request as a whole',
        },
        field: { type: 'string' },
        message: { type: 'string' },
      },
      required: ['field', 'message'],
      additionalProperties: false,
    },
    JsonAnswer: {
      type: 'object',
      properties: {
        predictions: { type: 'array', items: ref('Prediction') },
        warnings: {
          type: 'array',
          items: ref('Warning'),
          description: 'What the rows were answered despite (at most 100 listed); absent when none',
        },
      },
      required: ['predictions'],
      additionalProperties: false,
    },
    Error: {
      type: 'object',
      properties: {
        error: {
          type: 'object',
          properties: {
            status: { type: 'integer' },
            message: { type: 'string' },
            row: { type: 'integer', minimum: 0, description: 'The row a 400 is about, counting from 0' },
            field: { type: 'string', description: 'The field a 400 is about' },
          },
          required: ['status', 'message'],
        },
      },
      required: ['error'],
    },
    ExecutionParameters: {
      type: 'object',
      properties: {
        MaxConcurrentTransforms: { type: 'integer', minimum: 1 },
        BatchStrategy: { enum: ['MULTI_RECORD', 'SINGLE_RECORD'] },
        MaxPayloadInMB: { type: 'integer', minimum: 1 },
      },
      required: ['MaxConcurrentTransforms', 'BatchStrategy', 'MaxPayloadInMB'],
    },
  }
}
