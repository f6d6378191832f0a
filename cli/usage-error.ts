/** A command line the CLI refuses: printed as `ges-mock: <message>` with exit code 2. */
export class UsageError extends Error {}
