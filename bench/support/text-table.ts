/** A plain-text table: text columns left-aligned, the rest (figures) right-aligned. */
export function renderTable(
  header: readonly string[],
  lines: readonly (readonly string[])[],
  textColumns: number,
): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => line[column]?.length ?? 0)),
  );
  const render = (cells: readonly string[]): string =>
    cells
      .map((cell, column) =>
        column >= textColumns ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [render(header), rule, ...lines.map(render)].join('\n');
}

/** `value` as a multiple of `reference`, two decimals; n/a when there is nothing to compare with. */
export function ratio(value: number, reference: number): string {
  return reference > 0 && Number.isFinite(value) ? (value / reference).toFixed(2) : 'n/a';
}
