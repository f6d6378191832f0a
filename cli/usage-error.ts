/**
 * A command line a command refuses: printed as `<program>: <message>` with exit code 2. The one
 * usage error of every command of the kit.
 */
export class UsageError extends Error {}
