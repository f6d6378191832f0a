/**
 * Reads a command's arguments and environment against its flag table (cli-option.ts): `--name value`,
 * `--name=value`, short forms (`-p 4010`, `-p4010`), `--no-<toggle>`, `--` before positionals,
 * `--help`/`-h`, and `--version`/`-v` where the command has a version. A flag not on the command line
 * is read from its environment variable; the command line wins. Refusals are UsageErrors in the CLI's
 * own words, naming the closest known flag.
 */
import type { CliOption, GivenValue, OptionTable } from './cli-option.js';
import { closestFlag } from './closest-flag.js';
import { UsageError } from './usage-error.js';

/** How a command reads its line beyond its table. */
export interface ReadSettings {
  /** Whether `--version` and `-v` ask for the version (otherwise they are unknown options). */
  version?: boolean | undefined;
  /**
   * Variables starting with this prefix that are no setting are likely typos: each becomes a warning
   * naming `program` and the nearest setting. `known` names the variables of the program's other
   * commands, which are settings too (no warning).
   */
  warnUnknownEnv?: { prefix: string; program: string; known?: readonly string[] | undefined } | undefined;
}

/** What a command line asks for, before the values are parsed. */
export interface CommandLine {
  positionals: string[];
  help: boolean;
  version: boolean;
  /** Values by the table's key in the order given; switches and toggles as `true`/`false`. */
  given: Map<string, GivenValue[]>;
  /** Unknown variables of the command's prefix (likely typos), as messages. */
  warnings: string[];
}

const TRUE = /^(?:1|true|yes|on)$/i;
const FALSE = /^(?:0|false|no|off)$/i;
/** A next argument that is a value, not a flag: anything not starting with `-`, or a negative number. */
const isValue = (arg: string | undefined): arg is string => arg !== undefined && (!arg.startsWith('-') || /^-\d/.test(arg));
const isBoolean = (option: CliOption) => option.kind === 'switch' || option.kind === 'toggle';

function unknownOption(given: string, options: readonly CliOption[], settings: ReadSettings): UsageError {
  const bare = given.replace(/^-+/, '');
  const names = [
    ...options.flatMap((option) => (option.kind === 'toggle' ? [option.name, `no-${option.name}`] : [option.name])),
    'help',
    ...(settings.version ? ['version'] : []),
  ];
  const near = given.startsWith('--') ? closestFlag(bare, names) : undefined;
  return new UsageError(`unknown option ${given}${near ? `; did you mean --${near}?` : ''}`);
}

/** Parses `argv` (after the node and script paths) and the environment against `table`. */
export function readCommandLine(
  argv: readonly string[],
  table: OptionTable,
  env: NodeJS.ProcessEnv,
  settings: ReadSettings = {},
): CommandLine {
  const entries = Object.entries(table);
  const options = entries.map(([, option]) => option);
  const byName = new Map(entries.map(([key, option]) => [option.name, { key, option }]));
  const byShort = new Map(entries.filter(([, option]) => option.short).map(([key, option]) => [option.short!, { key, option }]));
  const given = new Map<string, GivenValue[]>();
  const positionals: string[] = [];
  let help = false;
  let version = false;

  const add = (key: string, value: GivenValue) => {
    const list = given.get(key);
    if (list) list.push(value);
    else given.set(key, [value]);
  };

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    let found: { key: string; option: CliOption } | undefined;
    let label: string;
    let inline: string | undefined;
    let negated = false;
    if (arg.startsWith('--')) {
      const equals = arg.indexOf('=');
      const name = equals === -1 ? arg.slice(2) : arg.slice(2, equals);
      inline = equals === -1 ? undefined : arg.slice(equals + 1);
      if (name === 'help' || (name === 'version' && settings.version)) {
        if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
        if (name === 'help') help = true;
        else version = true;
        continue;
      }
      found = byName.get(name);
      if (!found && name.startsWith('no-') && byName.get(name.slice(3))?.option.kind === 'toggle') {
        found = byName.get(name.slice(3));
        negated = true;
      }
      if (!found) throw unknownOption(equals === -1 ? arg : arg.slice(0, equals), options, settings);
      label = `--${name}`;
    } else {
      const letter = arg[1]!;
      const rest = arg.slice(2).replace(/^=/, '');
      if (letter === 'v' && rest === '' && settings.version) {
        version = true;
        continue;
      }
      // Where -h is a flag of its own (Prism's host), given alone it can only mean help.
      if (letter === 'h' && rest === '' && (!byShort.has('h') || !isValue(argv[i + 1]))) {
        help = true;
        continue;
      }
      found = byShort.get(letter);
      if (!found) throw unknownOption(arg.slice(0, 2), options, settings);
      label = `-${letter}`;
      inline = rest === '' ? undefined : rest;
    }

    const { key, option } = found;
    if (option.kind !== 'value' && option.kind !== 'list') {
      if (inline !== undefined) throw new UsageError(`${label} takes no value`);
      add(key, { text: negated ? 'false' : 'true', label, shown: label, source: 'argv' });
      continue;
    }
    let text = inline;
    if (text === undefined) {
      const next = argv[i + 1];
      if (!isValue(next)) throw new UsageError(`${label} needs a value ${option.argument}`);
      text = next;
      i++;
    }
    add(key, { text, label: `--${option.name}`, shown: `${label} ${text}`, source: 'argv' });
  }

  for (const [key, option] of entries) {
    const name = option.env;
    const raw = name === undefined ? undefined : env[name];
    // An empty variable counts as unset: CI templates often define every variable, empty or not.
    if (name === undefined || given.has(key) || raw === undefined || raw.trim() === '') continue;
    const shown = `${name}=${raw}`;
    if (isBoolean(option)) {
      if (!TRUE.test(raw.trim()) && !FALSE.test(raw.trim()))
        throw new UsageError(`${name} must be true or false (1/0, yes/no, on/off), got "${raw}"`);
      add(key, { text: TRUE.test(raw.trim()) ? 'true' : 'false', label: name, shown, source: 'env' });
    } else if (option.kind === 'list') {
      for (const item of raw
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean))
        add(key, { text: item, label: name, shown, source: 'env' });
    } else {
      add(key, { text: raw, label: name, shown, source: 'env' });
    }
  }

  const warnings: string[] = [];
  if (settings.warnUnknownEnv) {
    const { prefix, program } = settings.warnUnknownEnv;
    const known = options.flatMap((option) => (option.env?.startsWith(prefix) ? [option.env] : []));
    const elsewhere = new Set(settings.warnUnknownEnv.known ?? []);
    for (const name of Object.keys(env)) {
      if (!name.startsWith(prefix) || known.includes(name) || elsewhere.has(name)) continue;
      const near = closestFlag(
        name.slice(prefix.length),
        known.map((k) => k.slice(prefix.length)),
      );
      warnings.push(`${name} is not a ${program} setting${near ? `; did you mean ${prefix}${near}?` : ''}`);
    }
  }

  return { positionals, help, version, given, warnings };
}
