// Decides, when a worker thread died or hung with calls unanswered, which call was at fault and which
// only shared its batch. Predictions have no side effects, so the others can safely run again.
//
// Why this rule: a batch shares one predict call, so when its thread dies nobody can tell from the
// outside which request did it. The worker keeps a shared number set to the call whose own work is in
// progress (decoding, preprocess, postprocess, encoding; see answer-batch.ts); the batch's steps run
// one after another, so when the thread hangs there, or dies there, that call is the one. While the
// batch shares its predict call the number is 0, and then every call of the batch runs again alone:
// the one at fault takes down one more thread and is then known, the others are answered. That costs
// one extra crash per fault. Bisecting the batch would cost up to log2(batch) crashes, each a model
// load on a fresh thread; running the suspects one by one costs only small predict calls.
import type { PoolCall } from './pool-call'

export interface FaultVerdict {
  /** The call that took the thread down: answered with a 500 naming the fault, never run again. */
  atFault: PoolCall | undefined
  /**
   * Calls that only shared its batch: run again, alone, once. A call that runs again is alone on its
   * thread, so if that thread goes down too, the call is the one at fault: nothing runs a third time.
   */
  rerun: PoolCall[]
}

/** `workingOn` is the call id the worker last said it works on (0: none, or work shared by the batch). */
export function faultVerdict(unanswered: readonly PoolCall[], workingOn: number): FaultVerdict {
  // A call alone on its thread is the fault, whatever the thread said last.
  const atFault = unanswered.length === 1 ? unanswered[0] : unanswered.find((call) => call.id === workingOn)
  return { atFault, rerun: unanswered.filter((call) => call !== atFault) }
}
