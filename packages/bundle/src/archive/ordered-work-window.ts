// Runs async work on a stream of items with at most `window` items in flight, and hands the results on
// in the items' order: parallel compression with output written in sequence and memory bounded by the
// window, however far the reader could run ahead.

export async function forEachInOrder<T, R>(
  items: AsyncIterable<T>,
  work: (item: T) => Promise<R>,
  consume: (result: R) => Promise<void>,
  window: number,
): Promise<void> {
  const inFlight: Promise<R>[] = []
  const consumeOldest = async () => {
    const oldest = inFlight.shift()
    if (oldest) await consume(await oldest)
  }
  for await (const item of items) {
    const result = work(item)
    // Awaited in order below; if an earlier item fails first, this one's rejection must not go unhandled.
    result.catch(() => {})
    inFlight.push(result)
    if (inFlight.length >= window) await consumeOldest()
  }
  while (inFlight.length > 0) await consumeOldest()
}
