/**
 * The WHATWG Encoding API, which both runtimes of src/shared provide (Node has it as a global,
 * Chromium in the DOM). src/shared compiles with neither DOM nor Node types, so this declares
 * the part it uses — and nothing else of either runtime.
 */
interface TextDecodeOptions {
  stream?: boolean;
}

interface TextDecoderOptions {
  fatal?: boolean;
  ignoreBOM?: boolean;
}

interface TextDecoder {
  readonly encoding: string;
  readonly fatal: boolean;
  readonly ignoreBOM: boolean;
  decode(input?: ArrayBufferView | ArrayBuffer, options?: TextDecodeOptions): string;
}

declare const TextDecoder: {
  prototype: TextDecoder;
  new (label?: string, options?: TextDecoderOptions): TextDecoder;
};

interface TextEncoder {
  readonly encoding: string;
  encode(input?: string): Uint8Array<ArrayBuffer>;
}

declare const TextEncoder: {
  prototype: TextEncoder;
  new (): TextEncoder;
};
