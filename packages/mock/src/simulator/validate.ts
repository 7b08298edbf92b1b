import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { joinPointer, pointerTokens } from '@wechatpay-kit/core/internal';
import { paramError, type SimulatorErrorDetail } from './errors.js';

/** What `src/generated/schemas.ts` provides: the component schemas and, per operation, what to check. */
export interface RequestSchemaSet {
  schemaDocument: { components: { schemas: Record<string, object> } };
  requestSchemas: Record<
    string,
    { path: object | null; headers: readonly string[]; body: object | null }
  >;
}

/** A request's parts as the simulator sees them (body parsed from JSON, not yet decrypted). */
export interface RequestParts {
  params: Record<string, unknown>;
  headers: Headers;
  body: unknown;
}

/** Throws a 400 `PARAM_ERROR` (`SimulatedApiError`) for the first problem of the request. */
export type RequestValidator = (operationId: string, request: RequestParts) => void;

interface Compiled {
  path?: ValidateFunction;
  headers?: { validate: ValidateFunction; names: readonly string[] };
  body?: ValidateFunction;
}

// Each validator has its own Ajv instance: one id for the product's component document.
const DOCUMENT_ID = 'urn:wechatpay-kit:spec';

/**
 * Compiles every operation's schemas once (Ajv, JSON Schema 2020-12, `date-time` and the other
 * formats checked) and returns the validator the simulator calls per request.
 */
export function createRequestValidator(schemas: RequestSchemaSet): RequestValidator {
  const ajv = new Ajv2020({ strict: false, allErrors: false });
  formats.default(ajv);
  ajv.addSchema({ $id: DOCUMENT_ID, ...schemas.schemaDocument });
  const compiled = new Map<string, Compiled>();
  for (const [operationId, entry] of Object.entries(schemas.requestSchemas)) {
    const headerNames = entry.headers;
    compiled.set(operationId, {
      ...(entry.path && { path: ajv.compile(rebase(entry.path) as object) }),
      ...(entry.body && { body: ajv.compile(rebase(entry.body) as object) }),
      ...(headerNames.length > 0 && {
        headers: {
          names: headerNames,
          validate: ajv.compile({
            type: 'object',
            required: headerNames.map((name) => name.toLowerCase()),
            properties: Object.fromEntries(
              headerNames.map((name) => [name.toLowerCase(), { type: 'string', minLength: 1 }]),
            ),
          }),
        },
      }),
    });
  }

  return (operationId, request) => {
    const checks = compiled.get(operationId);
    if (!checks) {
      return;
    }
    if (checks.path && !checks.path(request.params)) {
      throw paramError(detailOf(checks.path.errors, request.params, 'path'));
    }
    if (checks.headers) {
      const present: Record<string, string> = {};
      for (const name of checks.headers.names) {
        const value = request.headers.get(name);
        if (value !== null) {
          present[name.toLowerCase()] = value;
        }
      }
      if (!checks.headers.validate(present)) {
        const detail = detailOf(checks.headers.validate.errors, present, 'header');
        const canonical = checks.headers.names.find((name) => name.toLowerCase() === detail.field);
        throw paramError({ ...detail, field: canonical ?? detail.field });
      }
    }
    if (checks.body && !checks.body(request.body)) {
      throw paramError(detailOf(checks.body.errors, request.body, 'body'));
    }
  };
}

/** WeChat's `detail`: a JSON pointer in the body, the parameter / header name elsewhere. */
function detailOf(
  errors: ErrorObject[] | null | undefined,
  instance: unknown,
  location: 'body' | 'path' | 'header',
): SimulatorErrorDetail {
  const error = errors?.[0];
  if (!error) {
    return { field: '', location, issue: 'invalid' };
  }
  const missing =
    error.keyword === 'required'
      ? (error.params as { missingProperty: string }).missingProperty
      : undefined;
  const pointer =
    missing === undefined ? error.instancePath : joinPointer(error.instancePath, missing);
  const field = location === 'body' ? pointer : pointerTokens(pointer).join('.');
  const value = missing === undefined ? valueAt(instance, error.instancePath) : undefined;
  return {
    field,
    location,
    issue: error.message ?? error.keyword,
    ...(value === undefined ? {} : { value }),
  };
}

function valueAt(instance: unknown, pointer: string): unknown {
  let node = instance;
  for (const token of pointerTokens(pointer)) {
    if (node === null || typeof node !== 'object') {
      return undefined;
    }
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

/** Points the local refs `#/components/…` of a schema at the registered component document. */
function rebase(schema: unknown): unknown {
  if (Array.isArray(schema)) {
    return schema.map(rebase);
  }
  if (schema === null || typeof schema !== 'object') {
    return schema;
  }
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string' && value.startsWith('#')
        ? DOCUMENT_ID + value
        : rebase(value),
    ]),
  );
}
