// Public API of @sagepack/cloudformation: where the templates are and how to read them.
export type { CfnTemplate } from './cfn-template'
export { parseTemplate } from './parse-template'
export { readTemplate } from './read-template'
export { MODEL_ENDPOINT_TEMPLATE, PLATFORM_TEMPLATE } from './template-paths'
