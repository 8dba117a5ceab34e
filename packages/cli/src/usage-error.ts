/** A bad command line: the message says what is wrong; the CLI prints it with the usage, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
