import type { FieldEntry } from './model.js';

/*
 * Whether a change breaks a client user: code that compiled against the old generated client,
 * or ran against the old API, may fail with the new one. Inputs (what the client sends) break
 * when they narrow, outputs (what it reads) when they widen.
 */

function isSuccess(status: string | undefined): boolean {
  return status !== undefined && /^2/.test(status);
}

/**
 * A new field breaks only a client that must now send it. A new success status breaks a client
 * reading responses (the success body becomes a union); a new error status does not. A new
 * variant breaks code that reads an exhaustive set of shapes.
 */
export function addedIsBreaking(entry: FieldEntry): boolean {
  const output = entry.direction === 'output';
  switch (entry.role) {
    case 'response':
      return output && isSuccess(entry.status);
    case 'variant':
      return output;
    default:
      return !output && entry.required === true;
  }
}

/**
 * A removed field breaks code that sends it (excess property) or reads it. A removed error
 * status breaks nobody; a removed success status does. A removed variant breaks senders only.
 */
export function removedIsBreaking(entry: FieldEntry): boolean {
  const output = entry.direction === 'output';
  switch (entry.role) {
    case 'response':
      return !output || isSuccess(entry.status);
    case 'variant':
      return !output;
    default:
      return true;
  }
}

/** Optional → required breaks senders; required → optional breaks readers. */
export function requiredChangeIsBreaking(entry: FieldEntry, nowRequired: boolean): boolean {
  return entry.direction === 'input' ? nowRequired : !nowRequired;
}

/** A type change is safe only when it widens an input or narrows an output. */
export function typeChangeIsBreaking(
  entry: FieldEntry,
  before: readonly string[] | undefined,
  after: readonly string[] | undefined,
): boolean {
  return entry.direction === 'input' ? !typesWithin(before, after) : !typesWithin(after, before);
}

/** Every value of `inner` is a value of `outer`; no types means any value; integers are numbers. */
export function typesWithin(
  inner: readonly string[] | undefined,
  outer: readonly string[] | undefined,
): boolean {
  if (outer === undefined) {
    return true;
  }
  if (inner === undefined) {
    return false;
  }
  return inner.every(
    (type) => outer.includes(type) || (type === 'integer' && outer.includes('number')),
  );
}

/** A format narrows a string: adding or changing one breaks senders, dropping or changing one readers. */
export function formatChangeIsBreaking(
  entry: FieldEntry,
  before: string | undefined,
  after: string | undefined,
): boolean {
  return entry.direction === 'input' ? after !== undefined : before !== undefined;
}

/**
 * A closed list (`enum`, `const`) that appears narrows the values, one that goes away (or
 * becomes `x-extensible-enum`) widens them.
 */
export function restrictionChangeIsBreaking(entry: FieldEntry, nowClosed: boolean): boolean {
  return entry.direction === 'input' ? nowClosed : !nowClosed;
}

/**
 * A value added to a closed output list is breaking: an exhaustive `switch` over the generated
 * union no longer compiles, and old code meets a value it has no branch for. In an open list
 * (`x-extensible-enum`) the type already admits any string, so it is not. Removing a value
 * breaks senders of a closed list only.
 */
export function enumValueChangeIsBreaking(
  entry: FieldEntry,
  added: boolean,
  closed: boolean,
): boolean {
  return closed && (entry.direction === 'output' ? added : !added);
}
