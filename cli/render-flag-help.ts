/** The options part of `--help`, rendered from a flag table: flag, argument, help and its environment variable. */
import type { CliOption, OptionTable } from './cli-option.js';

const COLUMN = 28;
const WIDTH = 110;

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

function renderOption(option: CliOption, defaults: Readonly<Record<string, string | number>>): string {
  const long = option.kind === 'toggle' ? `--no-${option.name}` : `--${option.name}`;
  const argument = option.kind === 'value' || option.kind === 'list' ? ` ${option.argument}` : '';
  const left = `  ${option.short ? `-${option.short}, ` : ''}${long}${argument}`;
  const help = option.description.replace(/\{(\w+)\}/g, (whole, name: string) => String(defaults[name] ?? whole));
  const env = option.env === undefined ? '' : option.kind === 'toggle' ? ` [env\u00a0${option.env}=false]` : ` [env\u00a0${option.env}]`;
  // The variable's bracket is one word for wrapping, so it is never split over two lines.
  const body = wrap(`${help}${env}`, WIDTH - COLUMN).map((line) => line.replace('\u00a0', ' '));
  const first = left.length < COLUMN - 1 ? `${left.padEnd(COLUMN)}${body.shift()}` : left;
  return [first, ...body.map((line) => `${' '.repeat(COLUMN)}${line}`)].join('\n');
}

/**
 * One block per flag, e.g. `  -p, --port <n>   port to listen on ... [env GES_MOCK_PORT]`, under
 * each flag's group heading when the table has groups. `{name}` in a help line is `defaults[name]`.
 */
export function renderFlagHelp(table: OptionTable, defaults: Readonly<Record<string, string | number>> = {}): string {
  const blocks: string[] = [];
  let group: string | undefined;
  for (const option of Object.values(table)) {
    if (option.group !== undefined && option.group !== group) blocks.push(`${blocks.length === 0 ? '' : '\n'}${option.group}:`);
    group = option.group;
    blocks.push(renderOption(option, defaults));
  }
  return blocks.join('\n');
}
