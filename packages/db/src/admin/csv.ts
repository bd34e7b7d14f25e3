/** One record of a CSV text, with the line it starts on (1 for the first line). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * Parses CSV text as RFC 4180 describes it: comma-separated fields, double quotes around a
 * field that contains commas, quotes or line breaks, and "" for a quote inside one. Accepts
 * LF or CRLF line ends and a leading byte order mark, and skips blank lines. `separator`
 * replaces the comma, such as the ";" that Excel writes in locales with a decimal comma.
 * Throws when a quoted field is not closed.
 */
export function parseCsv(text: string, separator = ","): CsvRecord[] {
  const input = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let recordLine = 1;

  const endRecord = () => {
    fields.push(field);
    const blank = fields.length === 1 && fields[0] === "";
    if (!blank) records.push({ line: recordLine, fields });
    fields = [];
    field = "";
  };

  for (let i = 0; i < input.length; i++) {
    const char = input[i]!;
    if (quoted) {
      if (char === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === "\n") line++;
        field += char;
      }
      continue;
    }
    if (char === '"') {
      quoted = true;
    } else if (char === separator) {
      fields.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && input[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += char;
    }
  }
  if (quoted) {
    throw new Error(`The quoted field that starts on line ${recordLine} is never closed.`);
  }
  if (field !== "" || fields.length > 0) endRecord();
  return records;
}
