// The runtime as a process: `node runtime.mjs train|serve` in the image, `sagepack-runtime` here.
import { runtimeMain } from './runtime-main'

const code = await runtimeMain(process.argv[2])
if (code !== undefined) process.exitCode = code
