// What a number box holds, for a use case to validate: an empty or
// non-numeric box becomes NaN, so the use case names the field and its reason
// instead of receiving 0 or a string.
export function numberFromInput(value: string): number {
  return value.trim() === "" ? Number.NaN : Number(value);
}
