/**
 * Reads `ges-mock` arguments and environment against a flag table: `--name value`, `--name=value`,
 * Prism's short forms (`-p 4010`, `-p4010`), `--no-<toggle>`, `--` before positionals, `--help`,
 * `--version`/`-v`. A flag not on the command line is read from its environment variable; the command
 * line wins. Refusals are UsageErrors in the CLI's own words, naming the closest known flag.
 */
import { closestFlag } from './closest-flag.js';
import { envNameOf, type FlagSpec } from './serve-flags.js';
import { UsageError } from './usage-error.js';

/** One value of a flag and where it came from, for messages: `--port` or `GES_MOCK_PORT`. */
export interface GivenValue {
  text: string;
  /** `--port` (from the command line) or `GES_MOCK_PORT` (from the environment). */
  label: string;
  /** As the user wrote it: `--port abc` or `GES_MOCK_PORT=abc`. */
  shown: string;
}

/** What a command line asks for. */
export interface CommandLine {
  positionals: string[];
  help: boolean;
  version: boolean;
  /** Values by flag name in the order given; switches and toggles as `true`/`false`. */
  values: Map<string, GivenValue[]>;
  /** GES_MOCK_* variables that are no setting (likely typos), as messages. */
  warnings: string[];
}

const TRUE = /^(?:1|true|yes|on)$/i;
const FALSE = /^(?:0|false|no|off)$/i;
/** A next argument that is a value, not a flag: anything not starting with `-`, or a negative number. */
const isValue = (arg: string | undefined): arg is string => arg !== undefined && (!arg.startsWith('-') || /^-\d/.test(arg));

function unknownOption(given: string, flags: readonly FlagSpec[]): UsageError {
  const bare = given.replace(/^-+/, '');
  const names = [...flags.flatMap((flag) => (flag.kind === 'toggle' ? [flag.name, `no-${flag.name}`] : [flag.name])), 'help', 'version'];
  const near = given.startsWith('--') ? closestFlag(bare, names) : undefined;
  return new UsageError(`unknown option ${given}${near ? `; did you mean --${near}?` : ''}`);
}

/** Parses `argv` (after the node and script paths) and the environment against `flags`. */
export function readCommandLine(argv: readonly string[], flags: readonly FlagSpec[], env: NodeJS.ProcessEnv): CommandLine {
  const byName = new Map(flags.map((flag) => [flag.name, flag]));
  const byShort = new Map(flags.filter((flag) => flag.short).map((flag) => [flag.short!, flag]));
  const values = new Map<string, GivenValue[]>();
  const positionals: string[] = [];
  let help = false;
  let version = false;

  const add = (flag: FlagSpec, value: GivenValue) => {
    const list = values.get(flag.name);
    if (list) list.push(value);
    else values.set(flag.name, [value]);
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
    let flag: FlagSpec | undefined;
    let label: string;
    let inline: string | undefined;
    let negated = false;
    if (arg.startsWith('--')) {
      const equals = arg.indexOf('=');
      const name = equals === -1 ? arg.slice(2) : arg.slice(2, equals);
      inline = equals === -1 ? undefined : arg.slice(equals + 1);
      if (name === 'help' || name === 'version') {
        if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
        if (name === 'help') help = true;
        else version = true;
        continue;
      }
      flag = byName.get(name);
      if (!flag && name.startsWith('no-') && byName.get(name.slice(3))?.kind === 'toggle') {
        flag = byName.get(name.slice(3));
        negated = true;
      }
      if (!flag) throw unknownOption(equals === -1 ? arg : arg.slice(0, equals), flags);
      label = `--${name}`;
    } else {
      const letter = arg[1]!;
      const rest = arg.slice(2).replace(/^=/, '');
      if (letter === 'v' && rest === '') {
        version = true;
        continue;
      }
      // Prism's -h is the host; given alone it can only mean help.
      if (letter === 'h' && rest === '' && !isValue(argv[i + 1])) {
        help = true;
        continue;
      }
      flag = byShort.get(letter);
      if (!flag) throw unknownOption(arg.slice(0, 2), flags);
      label = `-${letter}`;
      inline = rest === '' ? undefined : rest;
    }

    if (flag.kind === 'switch' || flag.kind === 'toggle') {
      if (inline !== undefined) throw new UsageError(`${label} takes no value`);
      add(flag, { text: negated ? 'false' : 'true', label, shown: label });
      continue;
    }
    let text = inline;
    if (text === undefined) {
      const next = argv[i + 1];
      if (!isValue(next)) throw new UsageError(`${label} needs a value${flag.arg ? ` ${flag.arg}` : ''}`);
      text = next;
      i++;
    }
    add(flag, { text, label: `--${flag.name}`, shown: `${label} ${text}` });
  }

  for (const flag of flags) {
    const name = envNameOf(flag);
    const raw = env[name];
    // An empty variable counts as unset: CI templates often define every variable, empty or not.
    if (values.has(flag.name) || raw === undefined || raw.trim() === '') continue;
    if (flag.kind === 'switch' || flag.kind === 'toggle') {
      if (!TRUE.test(raw.trim()) && !FALSE.test(raw.trim())) throw new UsageError(`${name} must be true or false (1/0, yes/no, on/off), got "${raw}"`);
      add(flag, { text: TRUE.test(raw.trim()) ? 'true' : 'false', label: name, shown: `${name}=${raw}` });
    } else if (flag.kind === 'list') {
      for (const item of raw.split(',').map((part) => part.trim()).filter(Boolean)) add(flag, { text: item, label: name, shown: `${name}=${raw}` });
    } else {
      add(flag, { text: raw, label: name, shown: `${name}=${raw}` });
    }
  }

  const known = flags.map(envNameOf);
  const warnings = Object.keys(env)
    .filter((name) => name.startsWith('GES_MOCK_') && !known.includes(name))
    .map((name) => {
      const near = closestFlag(name.slice('GES_MOCK_'.length), known.map((k) => k.slice('GES_MOCK_'.length)));
      return `${name} is not a ges-mock setting${near ? `; did you mean GES_MOCK_${near}?` : ''}`;
    });

  return { positionals, help, version, values, warnings };
}
