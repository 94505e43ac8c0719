// Test support: a run folder shaped like the ones `sagepack train` writes, and a listing of a tree.
export { treeListing, writeRunFolder } from './run-folder'
