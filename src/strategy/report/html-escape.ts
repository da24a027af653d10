const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text safe in HTML element content and in a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]!);
}

const SCRIPT_ESCAPES: Readonly<Record<string, string>> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * JSON to place inside `<script type="application/json">`. The HTML parser ends a script at the first
 * `</script`, whatever JSON string it sits in, and `<!--` changes how it scans; escaping `<`, `>` and `&`
 * as \u sequences leaves no such text while JSON.parse still reads the same value. U+2028/2029 are
 * escaped too, so the text is also valid should someone paste it into JavaScript source. A bigint (a
 * parameter may be one) is written as its decimal string, since JSON has no bigint.
 */
export function serializeJsonForScript(value: unknown): string {
  const json = JSON.stringify(value, (_key, item: unknown) =>
    typeof item === 'bigint' ? item.toString() : item,
  );
  return json.replace(/[<>&\u2028\u2029]/g, (character) => SCRIPT_ESCAPES[character]!);
}
