// The script of an invocation worker thread (see worker-launch.ts for how the pool finds it from
// source and from a bundled runtime).
import { runInvocationWorker } from './serve-invocations'

runInvocationWorker()
