// An answer already serialized as JSON: a use case that keeps its answer's
// text between requests (free slots) hands it to apiRoute as it is, which
// sends it without parsing or serializing it again.
export class JsonText {
  constructor(readonly text: string) {}
}
