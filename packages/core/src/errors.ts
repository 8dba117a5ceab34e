/**
 * Tool errors, never findings. Each carries what happened and, where it helps, the fix.
 * Exit code 2 in the CLI maps to any of these.
 */
export class ShiftguardError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A configuration file or option is invalid. `key` is the dotted path of the offending key. */
export class ConfigError extends ShiftguardError {
  constructor(
    message: string,
    readonly key?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A source file could not be read or parsed. The rest of the project is still scanned. */
export class ParseError extends ShiftguardError {
  constructor(
    message: string,
    readonly file: string,
    readonly line?: number,
    readonly column?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A bug in shiftguard. Reported with its cause so users can file it. */
export class InternalError extends ShiftguardError {}

/** Replaces the non-null assertion `!`: fails loudly with a reason instead of crashing later. */
export function nullThrows<T>(value: T | null | undefined, reason: string): T {
  if (value === null || value === undefined) throw new InternalError(reason);
  return value;
}
