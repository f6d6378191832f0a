/**
 * Writes one tool's own section of bench/RESULTS.md, between `<!-- name:start -->` and
 * `<!-- name:end -->` (see keep-marked-sections.ts): replaced where it is, appended otherwise,
 * everything else left as it was.
 */

/** `text` with the marked section `name` replaced by `section` (markers included), or with it appended. */
export function replaceMarkedSection(text: string, name: string, section: string): string {
  const startMark = `<!-- ${name}:start -->`;
  const endMark = `<!-- ${name}:end -->`;
  const start = text.indexOf(startMark);
  const end = text.indexOf(endMark);
  if (start !== -1 && end > start) return `${text.slice(0, start)}${section}${text.slice(end + endMark.length)}`;
  const separator = text === '' ? '' : text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : '\n\n';
  return `${text}${separator}${section}\n`;
}
