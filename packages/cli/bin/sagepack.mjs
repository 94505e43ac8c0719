#!/usr/bin/env node
// The `sagepack` command. Workspace packages export TypeScript source, so the CLI runs through tsx's
// loader instead of a build step.
import { register } from 'tsx/esm/api'

register()
const { main } = await import('../src/main.ts')
process.exitCode = await main(process.argv)
