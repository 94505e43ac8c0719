// Reads a template file: its exact text (what CloudFormation is sent) and its parsed form.
import { readFile } from 'node:fs/promises'
import type { CfnTemplate } from './cfn-template'
import { parseTemplate } from './parse-template'

export async function readTemplate(path: string): Promise<{ body: string; template: CfnTemplate }> {
  const body = await readFile(path, 'utf8')
  return { body, template: parseTemplate(body, path) }
}
