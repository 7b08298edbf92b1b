import { byCodePoint } from '../lib/compare.js';
import type { Node } from '../lib/document.js';
import {
  addedIsBreaking,
  enumValueChangeIsBreaking,
  formatChangeIsBreaking,
  removedIsBreaking,
  requiredChangeIsBreaking,
  restrictionChangeIsBreaking,
  typeChangeIsBreaking,
} from './classify.js';
import { flattenDocument, METHODS } from './flatten-document.js';
import type { ApiChange, ChangeKind, FieldEntry, OperationEntry, OperationRef } from './model.js';

/**
 * The API changes from `before` to `after`, two bundled documents (every `$ref` local); an
 * absent document has no operations (a product added or removed). Pure: no I/O.
 */
export function compareDocuments(before: Node | undefined, after: Node | undefined): ApiChange[] {
  const old = before ? flattenDocument(before) : new Map<string, OperationEntry>();
  const now = after ? flattenDocument(after) : new Map<string, OperationEntry>();
  const entries = [...new Set([...old.keys(), ...now.keys()])]
    .map((key) => ({ before: old.get(key), after: now.get(key) }))
    .sort((a, b) => byOperation((a.after ?? a.before)!, (b.after ?? b.before)!));
  return entries.flatMap(({ before: a, after: b }) => {
    if (a && b) {
      return compareOperation(a, b);
    }
    const removed = b === undefined;
    const kind = removed ? 'operation-removed' : 'operation-added';
    const message = removed ? 'operation removed' : 'operation added';
    return [{ kind, breaking: removed, operation: refOf((a ?? b)!), message }];
  });
}

function byOperation(a: OperationRef, b: OperationRef): number {
  return (
    Number(a.webhook) - Number(b.webhook) ||
    byCodePoint(a.path, b.path) ||
    METHODS.indexOf(a.method.toLowerCase()) - METHODS.indexOf(b.method.toLowerCase())
  );
}

function refOf({ method, path, operationId, webhook }: OperationEntry): OperationRef {
  return { method, path, ...(operationId === undefined ? {} : { operationId }), webhook };
}

function compareOperation(before: OperationEntry, after: OperationEntry): ApiChange[] {
  const operation = refOf(after);
  const changes: ApiChange[] = [];
  if (before.operationId !== after.operationId) {
    changes.push({
      kind: 'operation-id-changed',
      breaking: true,
      operation,
      ...shown(before.operationId ?? '(none)', after.operationId ?? '(none)'),
      message: 'operationId changed, so the generated method is renamed',
    });
  }
  const paths = [...new Set([...before.fields.keys(), ...after.fields.keys()])].sort(byCodePoint);
  for (const path of paths) {
    const a = before.fields.get(path);
    const b = after.fields.get(path);
    if (a && b) {
      changes.push(...compareField(a, b).map((change) => at(operation, change)));
    } else if (b && !(b.parent && !before.fields.has(b.parent))) {
      changes.push(at(operation, appeared(b, 'added')));
    } else if (a && !(a.parent && !after.fields.has(a.parent))) {
      changes.push(at(operation, appeared(a, 'removed')));
    }
  }
  return changes;
}

type FieldChange = Omit<ApiChange, 'operation'>;

/** The change located in its operation, its keys in one order for the JSON output. */
function at(operation: OperationRef, { kind, breaking, ...rest }: FieldChange): ApiChange {
  return { kind, breaking, operation, ...rest };
}

const NOUNS: Record<FieldEntry['role'], string> = {
  parameter: 'parameter',
  body: 'body',
  property: 'field',
  header: 'header',
  response: 'response',
  variant: 'oneOf/anyOf variant',
};

function appeared(entry: FieldEntry, how: 'added' | 'removed'): FieldChange {
  const prefix = entry.role === 'response' || entry.role === 'parameter' ? entry.role : 'field';
  const required = entry.required === undefined ? '' : entry.required ? 'required ' : 'optional ';
  const side = entry.direction === 'input' ? 'sent' : 'received';
  return {
    kind: `${prefix}-${how}` as ChangeKind,
    breaking: how === 'added' ? addedIsBreaking(entry) : removedIsBreaking(entry),
    field: entry.path,
    direction: entry.direction,
    message: `${required}${NOUNS[entry.role]} ${how} (${side})`,
  };
}

/** A change of one field's facts, before it is given the field's place. */
type FactChange = Omit<FieldChange, 'field' | 'direction'>;

function compareField(a: FieldEntry, b: FieldEntry): FieldChange[] {
  const changes = [
    requiredChange(a, b),
    typeChange(a, b),
    formatChange(a, b),
    ...enumChanges(a, b),
    encryptedChange(a, b),
  ];
  return changes
    .filter((change) => change !== undefined)
    .map(({ kind, breaking, ...rest }) => ({
      kind,
      breaking,
      field: b.path,
      direction: b.direction,
      ...rest,
    }));
}

function requiredChange(a: FieldEntry, b: FieldEntry): FactChange | undefined {
  if (a.required === undefined || b.required === undefined || a.required === b.required) {
    return undefined;
  }
  return {
    kind: 'required-changed',
    breaking: requiredChangeIsBreaking(b, b.required),
    message: b.required ? 'now required' : 'now optional',
  };
}

function typeChange(a: FieldEntry, b: FieldEntry): FactChange | undefined {
  const [before, after] = [a.types?.join('|') ?? 'any', b.types?.join('|') ?? 'any'];
  if (before === after) {
    return undefined;
  }
  const breaking = typeChangeIsBreaking(b, a.types, b.types);
  return { kind: 'type-changed', breaking, ...shown(before, after), message: 'type changed' };
}

function formatChange(a: FieldEntry, b: FieldEntry): FactChange | undefined {
  if (a.format === b.format) {
    return undefined;
  }
  return {
    kind: 'format-changed',
    breaking: formatChangeIsBreaking(b, a.format, b.format),
    ...shown(a.format ?? '(none)', b.format ?? '(none)'),
    message: 'format changed',
  };
}

function encryptedChange(a: FieldEntry, b: FieldEntry): FactChange | undefined {
  if (a.encrypted === b.encrypted) {
    return undefined;
  }
  const message = b.encrypted ? 'now encrypted (x-wechatpay-encrypted)' : 'no longer encrypted';
  return { kind: 'encrypted-changed', breaking: true, message };
}

/** Whether the values are limited to a list, and which values the lists gained or lost. */
function enumChanges(a: FieldEntry, b: FieldEntry): FactChange[] {
  const closedBefore = a.enum !== undefined && !a.enum.open;
  const closedAfter = b.enum !== undefined && !b.enum.open;
  const changes: FactChange[] = [];
  if (closedBefore !== closedAfter) {
    changes.push({
      kind: closedAfter ? 'enum-restricted' : 'enum-unrestricted',
      breaking: restrictionChangeIsBreaking(b, closedAfter),
      message: closedAfter ? 'now limited to listed values' : 'no longer limited to listed values',
    });
  }
  if (!a.enum || !b.enum) {
    return changes;
  }
  const [before, after] = [a.enum.values, b.enum.values];
  for (const value of after.filter((value) => !before.includes(value))) {
    const breaking = enumValueChangeIsBreaking(b, true, closedAfter);
    changes.push({
      kind: 'enum-value-added',
      breaking,
      after: value,
      message: `value ${value} added`,
    });
  }
  for (const value of before.filter((value) => !after.includes(value))) {
    const breaking = enumValueChangeIsBreaking(b, false, closedBefore);
    changes.push({
      kind: 'enum-value-removed',
      breaking,
      before: value,
      message: `value ${value} removed`,
    });
  }
  return changes;
}

function shown(before: string | undefined, after: string | undefined) {
  return {
    ...(before === undefined ? {} : { before }),
    ...(after === undefined ? {} : { after }),
  };
}
