/** Turns what a command line gave (read-command-line.ts) into the typed values of its flag table. */
import type { OptionTable, OptionValues } from './cli-option.js';
import type { CommandLine } from './read-command-line.js';

/**
 * Each flag's value through its parser, in table order (so the first wrong flag is the one named):
 * the last value given for a value flag, every item for a list, true/false for a switch or toggle.
 */
export function parseOptions<T extends OptionTable>(table: T, line: Pick<CommandLine, 'given'>): OptionValues<T> {
  const values: Record<string, unknown> = {};
  for (const [key, option] of Object.entries(table)) {
    const given = line.given.get(key) ?? [];
    if (option.kind === 'list') values[key] = given.map((value) => option.parse(value));
    else if (option.kind === 'value') values[key] = given.length === 0 ? undefined : option.parse(given.at(-1)!);
    else values[key] = given.length === 0 ? option.kind === 'toggle' : given.at(-1)!.text === 'true';
  }
  return values as OptionValues<T>;
}
