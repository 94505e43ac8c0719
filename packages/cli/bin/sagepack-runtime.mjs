#!/usr/bin/env node
// The runtime entry from TypeScript source (the image runs the esbuild-built runtime.mjs instead).
import { register } from 'tsx/esm/api'

register()
await import('../src/runtime/runtime-process.ts')
