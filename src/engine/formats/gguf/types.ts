// GGUF constants from ggml's docs/gguf.md and ggml.h / ggml.c (type_traits: block size, bytes per block).

/** gguf_metadata_value_type (docs/gguf.md). */
export const enum ValueType {
  U8 = 0, I8 = 1, U16 = 2, I16 = 3, U32 = 4, I32 = 5, F32 = 6, BOOL = 7, STRING = 8, ARRAY = 9, U64 = 10, I64 = 11, F64 = 12,
}

export const VALUE_TYPE_NAMES = ['u8', 'i8', 'u16', 'i16', 'u32', 'i32', 'f32', 'bool', 'string', 'array', 'u64', 'i64', 'f64'] as const;

/** Fixed byte width of the scalar value types; string and array are variable. */
export const SCALAR_BYTES: Readonly<Record<number, number>> = { 0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8 };

/** ggml_type → [name, elements per block, bytes per block] (ggml-common.h block structs; cross-checked
 * with gguf-py 0.19 GGML_QUANT_SIZES, which still says 40 for Q8_1: ggml's block_q8_1 is two halfs + 32 i8). */
export const GGML_TYPES: ReadonlyMap<number, readonly [string, number, number]> = new Map([
  [0, ['F32', 1, 4]], [1, ['F16', 1, 2]], [2, ['Q4_0', 32, 18]], [3, ['Q4_1', 32, 20]],
  [6, ['Q5_0', 32, 22]], [7, ['Q5_1', 32, 24]], [8, ['Q8_0', 32, 34]], [9, ['Q8_1', 32, 36]],
  [10, ['Q2_K', 256, 84]], [11, ['Q3_K', 256, 110]], [12, ['Q4_K', 256, 144]], [13, ['Q5_K', 256, 176]],
  [14, ['Q6_K', 256, 210]], [15, ['Q8_K', 256, 292]], [16, ['IQ2_XXS', 256, 66]], [17, ['IQ2_XS', 256, 74]],
  [18, ['IQ3_XXS', 256, 98]], [19, ['IQ1_S', 256, 50]], [20, ['IQ4_NL', 32, 18]], [21, ['IQ3_S', 256, 110]],
  [22, ['IQ2_S', 256, 82]], [23, ['IQ4_XS', 256, 136]], [24, ['I8', 1, 1]], [25, ['I16', 1, 2]],
  [26, ['I32', 1, 4]], [27, ['I64', 1, 8]], [28, ['F64', 1, 8]], [29, ['IQ1_M', 256, 56]],
  [30, ['BF16', 1, 2]], [34, ['TQ1_0', 256, 54]], [35, ['TQ2_0', 256, 66]], [39, ['MXFP4', 32, 17]],
  [40, ['NVFP4', 64, 36]], [41, ['Q1_0', 128, 18]],
]);

/** 'GGUF' as bytes (docs/gguf.md: the magic is the four bytes G G U F, 0x46554747 read as LE u32). */
export const GGUF_MAGIC = [0x47, 0x47, 0x55, 0x46] as const;

/**
 * Pre-GGUF llama.cpp files (llama.cpp before Aug 2023, `LLAMA_FILE_MAGIC_*` in llama.cpp's history):
 * the magic is a u32 written little-endian, so 'ggml' = 0x67676d6c appears on disk as "lmgg".
 * GGML had no version field; GGMF and GGJT have a u32 version after the magic.
 */
export const LEGACY_MAGICS: ReadonlyArray<{ bytes: string; name: string; versioned: boolean }> = [
  { bytes: 'lmgg', name: 'GGML', versioned: false },   // 0x67676d6c, unversioned
  { bytes: 'fmgg', name: 'GGMF', versioned: true },    // 0x67676d66, versioned (v1)
  { bytes: 'tjgg', name: 'GGJT', versioned: true },    // 0x67676a74, mmap-able (v1-v3)
  { bytes: 'algg', name: 'GGLA', versioned: true },    // 0x67676c61, LoRA adapters
];

export const DEFAULT_ALIGNMENT = 32;

/** GGML_MAX_DIMS: ggml tensors have at most 4 dimensions, and gguf.cpp refuses more. */
export const MAX_DIMS = 4;
