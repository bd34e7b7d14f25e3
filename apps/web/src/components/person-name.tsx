/**
 * Renders a person's name isolated from the text around it, so right-to-left characters in a
 * name cannot reorder that text, and a long name wraps instead of widening its table.
 */
export function PersonName({ name }: { name: string }) {
  return <bdi className="wrap-anywhere">{name}</bdi>;
}

/**
 * Returns `name` between the Unicode first-strong-isolate and pop-directional-isolate marks,
 * the plain-text form of `<bdi>`, for places that take text only, such as an `<option>`.
 */
export function isolateName(name: string): string {
  return `\u2068${name}\u2069`;
}
