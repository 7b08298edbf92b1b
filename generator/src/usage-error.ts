/** A wrong command line (an unknown product, options that do not go together): named, no stack. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
