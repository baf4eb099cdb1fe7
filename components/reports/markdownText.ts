/** Markdown building blocks the plan and diff reports share: escaped cells, tables, code spans. */

/** Cell and list text: pipes and emphasis (`*.docker.io`) escaped, HTML and line breaks neutralised. */
export function escapeCell(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/([|*])/g, "\\$1")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\s*\n\s*/g, " ");
}

/** Several values in one cell, one per line. */
export function cellLines(values: readonly string[]): string {
  return values.map(escapeCell).join("<br>");
}

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`, ...rows.map((row) => `| ${row.join(" | ")} |`)];
}

/** A code span; backticks inside become quotes so the span cannot end early. */
export function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}
