// Types for the decompression packages that ship none (or DOM-typed ones the engine cannot see).
declare module 'seek-bzip' {
  const Bunzip: {
    /** Decodes `input` (an object with readByte/eof) into `output` (an object with writeByte); throws on bad data. */
    decode(input: unknown, output: unknown, multistream?: boolean): unknown;
  };
  export default Bunzip;
}
