/** A Unicode bar chart for a terminal or a Markdown code block. */

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** One bar per row, scaled to the largest value; `note` is printed after the figure. */
export function renderBarChart(rows: readonly { label: string; value: number; note?: string }[], width = 40, unit = ''): string {
  const max = Math.max(...rows.map((r) => r.value), 1);
  const labelWidth = Math.max(...rows.map((r) => r.label.length));
  const figures = rows.map((r) => Math.round(r.value).toLocaleString('en-US'));
  const figureWidth = Math.max(...figures.map((f) => f.length));
  return rows
    .map((r, i) => {
      const eighths = Math.max(1, Math.round((r.value / max) * width * 8));
      const bar = '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
      const figure = figures[i]!.padStart(figureWidth);
      return `${r.label.padEnd(labelWidth)}  ${bar.padEnd(width)}  ${figure}${unit}${r.note ? `  ${r.note}` : ''}`;
    })
    .join('\n');
}
