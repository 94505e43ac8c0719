// The iris inference handler. The serving runtime (core-serve) and the bundler arrive with the next
// milestone; until then the default handler of core-serve will serve this model with no code here.
export {}
