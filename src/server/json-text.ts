// An answer already serialized as JSON: a use case that keeps its answer
// between requests (free slots) keeps this and hands it to apiRoute as it is,
// which sends its bytes without serializing or encoding them again.
export class JsonText {
  /** The JSON as UTF-8 (the answer of six weeks of slots is ~50 kB). */
  readonly bytes: Uint8Array<ArrayBuffer>;

  constructor(text: string) {
    this.bytes = new TextEncoder().encode(text);
  }

  get text(): string {
    return new TextDecoder().decode(this.bytes);
  }
}
