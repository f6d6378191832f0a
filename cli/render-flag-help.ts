/** The options part of `--help`, rendered from the flag table: flag, argument, help and its environment variable. */
import { envNameOf, type FlagSpec, type HelpDefaults } from './serve-flags.js';

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

/** One block per flag, e.g. `  -p, --port <n>   port to listen on ... [GES_MOCK_PORT]`. */
export function renderFlagHelp(flags: readonly FlagSpec[], defaults: HelpDefaults): string {
  return flags
    .map((flag) => {
      const long = flag.kind === 'toggle' ? `--no-${flag.name}` : `--${flag.name}`;
      const left = `  ${flag.short ? `-${flag.short}, ` : ''}${long}${flag.arg ? ` ${flag.arg}` : ''}`;
      const help = typeof flag.help === 'function' ? flag.help(defaults) : flag.help;
      const env = flag.kind === 'toggle' ? `${envNameOf(flag)}=false` : envNameOf(flag);
      // The variable's bracket is one word for wrapping, so it is never split over two lines.
      const body = wrap(`${help} [env\u00a0${env}]`, WIDTH - COLUMN).map((line) => line.replace('\u00a0', ' '));
      const first = left.length < COLUMN - 1 ? `${left.padEnd(COLUMN)}${body.shift()}` : left;
      return [first, ...body.map((line) => `${' '.repeat(COLUMN)}${line}`)].join('\n');
    })
    .join('\n');
}
