/** spec:diff cannot run as asked (not a git repository, unknown ref, unreadable spec); no stack trace. */
export class SpecDiffError extends Error {
  override readonly name = 'SpecDiffError';
}
