import type { Node } from '../src/lib/document.js';
import { createTransformContext, type TransformContext } from '../src/transform/context.js';

/** A table row: a name, what goes in, and what must come out (a value, or an error message). */
export type TestCase<TGiven, TWant> = [name: string, { given: TGiven; want: TWant }];

/** A transform context at `pointer` of a bundled document with only `components.schemas`. */
export function contextWithSchemas(
  schemas: Record<string, unknown> = {},
  pointer = '',
): TransformContext {
  return createTransformContext({ components: { schemas } } as Node, { pointer });
}

/** What a transform returned and the problems it reported, as `file#pointer: message` lines. */
export function outcome<T>(
  context: TransformContext,
  transform: () => T,
): { value: T; problems: string[] } {
  const value = transform();
  return {
    value,
    problems: context.problems.map(({ file, pointer, message }) => `${file}${pointer}: ${message}`),
  };
}
