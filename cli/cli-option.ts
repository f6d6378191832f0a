/**
 * The one way a command of the kit declares its flags, after vitest's `cli-config.ts`: a typed table
 * whose every entry names the flag, its short form, its argument, its help line, its environment
 * variable and the parser that turns what was typed into a typed value. `--help`, parsing and the
 * environment all come from that table (read-command-line.ts, render-flag-help.ts), so they cannot
 * disagree, and a new flag is one entry.
 */

/** One value of a flag and where it came from, for messages: `--port` or `GES_MOCK_PORT`. */
export interface GivenValue {
  text: string;
  /** `--port` (from the command line) or `GES_MOCK_PORT` (from the environment). */
  label: string;
  /** As the user wrote it: `--port abc` or `GES_MOCK_PORT=abc`. */
  shown: string;
  /** Whether the value came from the command line or from the environment. */
  source: 'argv' | 'env';
}

interface OptionBase {
  /** The long name, without dashes: `max-jobs`. */
  name: string;
  /** A one-letter form, e.g. Prism's `p` for `--port`. */
  short?: string | undefined;
  /**
   * The help line. `{name}` quotes a default known only at run time (e.g. `{jobsPerGraph}`), filled
   * in from the defaults the command hands to `--help`.
   */
  description: string;
  /** The environment variable read when the flag is not on the command line (an empty one is unset). */
  env?: string | undefined;
  /** The heading `--help` lists the flag under, for commands that group their flags. */
  group?: string | undefined;
}

/** A flag taking one argument: the last one given wins. */
export interface ValueOption<V> extends OptionBase {
  kind: 'value';
  /** How the argument is shown in help and messages, e.g. `<n>`. */
  argument: string;
  /** The typed value of what was typed; throws a UsageError naming `given.label` when it is wrong. */
  parse: (given: GivenValue) => V;
}

/** A repeatable flag taking one argument each time (comma-separated in the environment). */
export interface ListOption<V> extends OptionBase {
  kind: 'list';
  argument: string;
  /** The typed value of one item. */
  parse: (given: GivenValue) => V;
}

/**
 * `switch`: off unless given (`--quiet`); `toggle`: on unless turned off with `--no-<name>`. In the
 * environment both read true/false (1/0, yes/no, on/off).
 */
export interface BooleanOption extends OptionBase {
  kind: 'switch' | 'toggle';
}

/** Any entry of a flag table. */
// biome-ignore lint/suspicious/noExplicitAny: a table holds options of every value type; each entry's own type is inferred where it is read.
export type CliOption = ValueOption<any> | ListOption<any> | BooleanOption;

/** A command's flags by the name of the value they set, in the order `--help` lists them. */
export type OptionTable = Readonly<Record<string, CliOption>>;

/**
 * What a table parses to: a value flag's parsed value (undefined when not given), a list flag's
 * items, a switch's or toggle's boolean (its default when not given).
 */
export type OptionValues<T extends OptionTable> = {
  [K in keyof T]: T[K] extends ListOption<infer V> ? V[] : T[K] extends ValueOption<infer V> ? V | undefined : boolean;
};

/** Declares a flag table, keeping each parser's value type for {@link OptionValues}. */
export const defineOptions = <const T extends OptionTable>(table: T): T => table;

/** The environment variables a table reads. */
export const envNames = (table: OptionTable): string[] => Object.values(table).flatMap((option) => (option.env ? [option.env] : []));
