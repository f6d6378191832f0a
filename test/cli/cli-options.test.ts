/**
 * The flag table mechanism every command shares (cli/cli-option.ts): one entry gives parsing, the
 * environment and the help line; values arrive typed; refusals name the flag or variable as typed.
 */
import { describe, expect, it } from 'vitest';
import { defineOptions } from '../../cli/cli-option.js';
import { CONTRACT_FLAGS } from '../../cli/contract-flags.js';
import { integer } from '../../cli/flag-parsers.js';
import { parseOptions } from '../../cli/parse-options.js';
import { readCommandLine } from '../../cli/read-command-line.js';
import { RECORD_FLAGS } from '../../cli/record-flags.js';
import { renderFlagHelp } from '../../cli/render-flag-help.js';
import { SERVE_FLAGS } from '../../cli/serve-flags.js';
import { UsageError } from '../../cli/usage-error.js';

const TABLE = defineOptions({
  port: {
    name: 'port',
    short: 'p',
    kind: 'value',
    argument: '<n>',
    env: 'T_PORT',
    description: 'port (default {port})',
    parse: (given) => integer(given, given.text, 0, 9),
  },
  tags: {
    name: 'tag',
    kind: 'list',
    argument: '<t>',
    env: 'T_TAG',
    group: 'More',
    description: 'a tag',
    parse: (given) => given.text.toUpperCase(),
  },
  loud: { name: 'loud', kind: 'switch', env: 'T_LOUD', group: 'More', description: 'shout' },
  color: { name: 'color', kind: 'toggle', group: 'More', description: 'no colours' },
});

const read = (argv: string[], env: NodeJS.ProcessEnv = {}) => parseOptions(TABLE, readCommandLine(argv, TABLE, env, { version: true }));

describe('a flag table', () => {
  it('parses long, short, inline and negated forms into typed values, with defaults for booleans', () => {
    expect(read([])).toEqual({ port: undefined, tags: [], loud: false, color: true });
    expect(read(['-p3', '--tag', 'a', '--tag=b', '--loud', '--no-color'])).toEqual({ port: 3, tags: ['A', 'B'], loud: true, color: false });
    const port: number | undefined = read(['--port', '4']).port;
    expect(port).toBe(4);
  });

  it('reads a flag missing from the command line from its variable; the command line wins; empty is unset', () => {
    expect(read([], { T_PORT: '5', T_TAG: 'x, y,', T_LOUD: 'yes' })).toMatchObject({ port: 5, tags: ['X', 'Y'], loud: true });
    expect(read(['--port', '1'], { T_PORT: '5' }).port).toBe(1);
    expect(read([], { T_PORT: '' }).port).toBeUndefined();
  });

  it('refuses in its own words, naming the flag or the variable and the closest known flag', () => {
    expect(() => read(['--prot', '1'])).toThrow(new UsageError('unknown option --prot; did you mean --port?'));
    expect(() => read(['--no-colr'])).toThrow(new UsageError('unknown option --no-colr; did you mean --no-color?'));
    expect(() => read(['-p'])).toThrow(new UsageError('-p needs a value <n>'));
    expect(() => read(['--loud=1'])).toThrow(new UsageError('--loud takes no value'));
    expect(() => read(['--port', '12'])).toThrow(new UsageError('--port must be an integer from 0 to 9, got "12"'));
    expect(() => read([], { T_PORT: 'x' })).toThrow(new UsageError('T_PORT must be an integer from 0 to 9, got "x"'));
    expect(() => read([], { T_LOUD: 'maybe' })).toThrow(/T_LOUD must be true or false/);
  });

  it('tells help, version and positionals apart, and warns about unknown variables of its prefix', () => {
    const line = readCommandLine(
      ['-h', 'serve', '--', '--port'],
      TABLE,
      { T_PROT: '1' },
      { warnUnknownEnv: { prefix: 'T_', program: 'tool' } },
    );
    expect(line).toMatchObject({ help: true, version: false, positionals: ['serve', '--port'] });
    expect(line.warnings).toEqual(['T_PROT is not a tool setting; did you mean T_PORT?']);
    expect(() => readCommandLine(['--version'], TABLE, {})).toThrow(/unknown option --version/);
  });

  it('renders help from the same entries: argument, description with its default, variable, group headings', () => {
    const help = renderFlagHelp(TABLE, { port: 7 });
    expect(help).toContain('  -p, --port <n>            port (default 7) [env T_PORT]');
    expect(help).toContain('\nMore:\n  --tag <t>');
    expect(help).toContain('--no-color');
  });

  it('gives every flag of the three commands a help line, and every variable once', () => {
    for (const table of [SERVE_FLAGS, RECORD_FLAGS, CONTRACT_FLAGS]) {
      const options = Object.values(table);
      expect(options.every((option) => option.description.length > 0)).toBe(true);
      const variables = options.flatMap((option) => (option.env ? [option.env] : []));
      expect(new Set(variables).size).toBe(variables.length);
    }
  });
});
