import { joinPointer, pointerTokens } from '@wechatpay-kit/core/internal';
import { SpecError, type SpecProblem } from '../errors.js';
import { childNode, createResolver, type Node, type Resolver } from '../lib/document.js';
import { createInstanceCheck, type InstanceCheck } from '../lib/instance-check.js';
import { isDeclarationName, pascalCaseName, uniqueNames } from '../lib/names.js';

/**
 * What every transform gets beside its node: where the node is (its JSON pointer in the bundled
 * document), read access to the whole document, and the shared problem list. Transforms report
 * problems and go on, so one run names them all.
 */
export interface TransformContext {
  readonly document: Node;
  /** The node's JSON pointer, e.g. `/paths/~1v3~1x/post`. */
  readonly pointer: string;
  /** The last token of the pointer, unescaped: the name of a schema, webhook, status, … */
  readonly key: string;
  /** Follows `$ref`s until a plain node; returns it with the pointer it lives at. */
  resolve: Resolver;
  /** The context of a node below this one. */
  child(...tokens: readonly (string | number)[]): TransformContext;
  /** The context of the node at another pointer. */
  at(pointer: string): TransformContext;
  /** Records a problem at this node (or at `pointer`) and lets the transform go on. */
  report(message: string, pointer?: string): void;
  /** Every problem reported so far, through any context of the same document. */
  readonly problems: readonly SpecProblem[];
  /** Why a value (an example) does not fit a schema of the document, or `undefined`. */
  check: InstanceCheck;
  /** The exported type name of a component schema: its name, made a unique identifier. */
  typeName(schemaName: string): string;
}

export interface TransformContextOptions {
  /** How problems name the document, e.g. `spec/openapi.yaml (bundled)`. */
  file?: string;
  /** Pointer of the root node; default the document itself. */
  pointer?: string;
  /** Names the generated code exports anyway; no schema type may take one of them. */
  reservedNames?: Iterable<string>;
}

/** A context at the document root (or `pointer`) with an empty problem list. */
export function createTransformContext(
  document: Node,
  { file = '(bundled spec)', pointer = '', reservedNames = [] }: TransformContextOptions = {},
): TransformContext {
  const problems: SpecProblem[] = [];
  const resolve = createResolver(document);
  let check: InstanceCheck | undefined;
  let typeNames: Map<string, string> | undefined;
  const make = (at: string): TransformContext => ({
    document,
    pointer: at,
    key: pointerTokens(at).at(-1) ?? '',
    resolve,
    child: (...tokens) => make(joinPointer(at, ...tokens.map(String))),
    at: make,
    report: (message, where = at) => {
      const problem: SpecProblem = { file, pointer: `#${where}`, message, severity: 'error' };
      const known = problems.some(
        (item) => item.pointer === problem.pointer && item.message === message,
      );
      if (!known) {
        problems.push(problem);
      }
    },
    problems,
    check: (...args) => (check ??= createInstanceCheck(document, resolve))(...args),
    typeName: (name) => (typeNames ??= schemaTypeNames(document, reservedNames)).get(name) ?? name,
  });
  return make(pointer);
}

/**
 * Component schema names as exported type names: a name that is a declaration name keeps it;
 * any other is PascalCased (`simple-user` → `SimpleUser`). A clash with a reserved name or an
 * earlier schema's gets the lowest free number, the names taken as they are first.
 */
function schemaTypeNames(document: Node, reservedNames: Iterable<string>): Map<string, string> {
  const names = Object.keys(childNode(document.components, 'schemas'));
  const reserved = new Set(reservedNames);
  const kept = names.filter((name) => isDeclarationName(name) && !reserved.has(name));
  const keptSet = new Set(kept);
  const renamed = names.filter((name) => !keptSet.has(name));
  const unique = uniqueNames(renamed.map(pascalCaseName), [...reserved, ...kept]);
  return new Map([
    ...kept.map((name): [string, string] => [name, name]),
    ...renamed.map((name, index): [string, string] => [name, unique[index] ?? name]),
  ]);
}

/**
 * Runs one transform; a SpecError it throws (a `$ref` that cannot be followed) becomes reported
 * problems, so the caller goes on with the next node.
 */
export function guarded<T>(context: TransformContext, run: () => T): T | undefined {
  try {
    return run();
  } catch (error) {
    return reportThrown(context, error);
  }
}

/** `guarded` for an async transform. */
export async function guardedAsync<T>(
  context: TransformContext,
  run: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await run();
  } catch (error) {
    return reportThrown(context, error);
  }
}

function reportThrown(context: TransformContext, error: unknown): undefined {
  if (!(error instanceof SpecError)) {
    throw error;
  }
  for (const problem of error.problems) {
    context.report(problem.message, problem.pointer.replace(/^#/, ''));
  }
  return undefined;
}

/** Throws one SpecError naming every problem reported through the context, if there is any. */
export function throwIfProblems(context: TransformContext): void {
  if (context.problems.length > 0) {
    throw new SpecError(context.problems);
  }
}
