// A searchable IANA time zone input: a text field suggesting every zone the
// runtime knows (a <datalist>, rendered once per page by TimeZoneOptions).
// Free text on purpose: the use case, not the browser, says what is wrong
// with a zone it does not know, next to the field.
import { TextField, type TextFieldProps } from "../ui/field";

const LIST_ID = "iana-time-zones";

/** Every zone, UTC first; render once on a page that has a TimeZoneField. */
export function TimeZoneOptions() {
  const zones = ["UTC", ...Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "UTC")];
  return (
    <datalist id={LIST_ID}>
      {zones.map((zone) => (
        <option key={zone} value={zone} />
      ))}
    </datalist>
  );
}

export function TimeZoneField({ label = "Time zone", ...props }: Omit<TextFieldProps, "label" | "list"> & { label?: TextFieldProps["label"] }) {
  return (
    <TextField
      label={label}
      list={LIST_ID}
      autoComplete="off"
      autoCapitalize="none"
      autoCorrect="off"
      spellCheck={false}
      placeholder="e.g. Europe/Paris"
      {...props}
    />
  );
}
