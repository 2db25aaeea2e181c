// Named limits of the ONNX walk, each with the threat it stops. Kept apart from parse.ts so the scanner
// can name them without loading the walker and the generated decoders (which load lazily in scan()).

/** Subgraphs inside subgraphs (If/Loop/Scan bodies). Stops stack exhaustion by hostile nesting. */
export const MAX_GRAPH_DEPTH = 16;
/** Nodes walked across the whole file (every graph and function). Bounds CPU on node floods. */
export const MAX_NODES = 2_000_000;
/** Dimensions kept per tensor: ONNX tensors have a handful; more is a hostile header. */
export const MAX_DIMS = 64;
