import { createDocumentContext, type DocumentContext, type Node } from '../src/lib/document.js';

/** A table row: a name, what goes in, and what must come out (a value, or an error message). */
export type TestCase<TGiven, TWant> = [name: string, { given: TGiven; want: TWant }];

/** A document context over a bundled document with only `components.schemas`. */
export function contextWithSchemas(schemas: Record<string, unknown> = {}): DocumentContext {
  return createDocumentContext({ components: { schemas } } as Node);
}

/** Runs `fn` and returns its result, or the message of what it threw. */
export function outcome<T>(fn: () => T): T | { error: string } {
  try {
    return fn();
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
