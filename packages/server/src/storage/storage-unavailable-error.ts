import { TamperedRecordError } from './record-cipher.js';

/** The store did not answer: callers fail closed (503), never fall back to a stale or local copy. */
export class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError';
}

/** Wraps a store call so any infrastructure error surfaces as one type the HTTP layer maps to 503. */
export async function failClosed<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (cause) {
    if (cause instanceof StorageUnavailableError) throw cause;
    if (cause instanceof TamperedRecordError) throw cause;
    throw new StorageUnavailableError('storage did not answer', { cause });
  }
}
