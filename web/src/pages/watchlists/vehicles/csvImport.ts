/**
 * Presenting a CSV import: the server answers with counts and the rejected lines; reading the same file
 * here (as Python's csv.DictReader does on the server, line numbers included) lets the page list every row
 * with its outcome, so no row of the file goes unaccounted for.
 */
import type { ImportReport } from "../types";

const KNOWN_COLUMNS = ["plate", "reason", "case_ref", "vehicle", "expires_at"];

/** One data row the server will consider: its line number (where the row ends) and the plate typed. */
export interface CsvRow {
  line: number;
  plate: string;
}

interface CsvRecord {
  fields: string[];
  /** Line on which the record ends, as Python's `reader.line_num` counts it. */
  line: number;
  blank: boolean;
}

/** Splits CSV text into records (RFC 4180 quoting, quotes only at a field's start, as Python's csv). */
export function csvRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let fieldStarted = false;
  let line = 1;
  let index = 0;
  const endField = () => {
    fields.push(field);
    field = "";
    fieldStarted = false;
  };
  const endRecord = () => {
    endField();
    const blank = fields.length === 1 && fields[0] === "";
    records.push({ fields, line, blank });
    fields = [];
  };
  while (index < text.length) {
    const char = text[index] ?? "";
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else {
        if (char === "\n") line += 1;
        field += char;
      }
      index += 1;
      continue;
    }
    if (char === '"' && !fieldStarted && field === "") {
      quoted = true;
      fieldStarted = true;
    } else if (char === ",") {
      endField();
    } else if (char === "\r" && text[index + 1] === "\n") {
      // The "\n" that follows ends the record.
    } else if (char === "\n") {
      endRecord();
      line += 1;
    } else {
      field += char;
      fieldStarted = true;
    }
    index += 1;
  }
  if (field !== "" || fields.length > 0 || fieldStarted) endRecord();
  return records;
}

/** The rows the server will try to import, or null when the header lacks the plate column. */
export function csvRows(text: string): CsvRow[] | null {
  const [header, ...body] = csvRecords(text.replace(/^\uFEFF/, ""));
  if (!header) return null;
  const columns = header.fields.map((name) => name.trim().toLowerCase());
  const plateColumn = columns.indexOf("plate");
  if (plateColumn < 0) return null;
  const rows: CsvRow[] = [];
  for (const record of body) {
    if (record.blank) continue;
    const tooManyFields = record.fields.length > columns.length;
    const hasValue = columns.some(
      (column, i) => KNOWN_COLUMNS.includes(column) && (record.fields[i] ?? "").trim() !== "",
    );
    // The server skips rows without any value (blank lines, lone commas) but reports rows with extra fields.
    if (!tooManyFields && !hasValue) continue;
    rows.push({ line: record.line, plate: (record.fields[plateColumn] ?? "").trim() });
  }
  return rows;
}

export type RowOutcome =
  | { line: number; plate: string | null; imported: true }
  | { line: number; plate: string | null; imported: false; reason: string };

/**
 * Every row with its outcome. When the file as read here does not add up to the server's counts (an
 * unusual encoding or quoting), only the server's rejected lines are listed: `complete` is then false.
 */
export function importOutcome(rows: CsvRow[] | null, report: ImportReport): { outcomes: RowOutcome[]; complete: boolean } {
  const reasons = new Map<number, string>();
  for (const error of report.errors) {
    reasons.set(error.line, reasons.has(error.line) ? `${reasons.get(error.line)}; ${error.message}` : error.message);
  }
  const plateOf = new Map((rows ?? []).map((row) => [row.line, row.plate]));
  const rejected: RowOutcome[] = [...reasons.entries()].map(([line, reason]) => ({
    line,
    plate: plateOf.get(line) ?? null,
    imported: false,
    reason,
  }));
  const imported = (rows ?? []).filter((row) => !reasons.has(row.line));
  const complete =
    rows !== null &&
    imported.length === report.created + report.updated &&
    rejected.every((outcome) => plateOf.has(outcome.line));
  if (!complete) return { outcomes: rejected.sort((a, b) => a.line - b.line), complete: false };
  const outcomes: RowOutcome[] = [
    ...rejected,
    ...imported.map((row): RowOutcome => ({ line: row.line, plate: row.plate, imported: true })),
  ];
  return { outcomes: outcomes.sort((a, b) => a.line - b.line), complete: true };
}

/** "2 added, 1 updated, 1 rejected" */
export function importSummary(report: ImportReport): string {
  return `${report.created} added, ${report.updated} updated, ${report.failed} rejected`;
}
