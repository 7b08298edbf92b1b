/**
 * The lines of a Markdown table with its columns padded as Prettier aligns them, so generated
 * READMEs pass `prettier --check` without the generator loading Prettier's Markdown printer
 * (~0.2 s of CPU). Wide (East Asian) characters count two columns, as Prettier counts them.
 */
export function markdownTable(header: readonly string[], rows: readonly string[][]): string[] {
  const widths = header.map((title, column) =>
    Math.max(3, ...[title, ...rows.map((row) => row[column] ?? '')].map(displayWidth)),
  );
  const line = (cells: readonly string[]) =>
    `| ${widths.map((width, column) => pad(cells[column] ?? '', width)).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)];
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(width - displayWidth(text));
}

// CJK, Hangul, full-width forms: two columns each.
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/g;

function displayWidth(text: string): number {
  return text.length + (text.match(WIDE)?.length ?? 0);
}
