import { isNode } from '../lib/document.js';

// Documentation and `x-` extensions are not validation keywords; strict validators reject them.
const DROPPED = new Set(['description', 'example', 'examples', 'summary', 'title', '$comment']);

/** A copy of a schema without documentation keys and `x-` extensions, for a mock's validator. */
export function strip(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(strip);
  }
  if (!isNode(value)) {
    return value;
  }
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !DROPPED.has(key) && !key.startsWith('x-'))
      .map(([key, child]) => [key, key === 'properties' ? stripProperties(child) : strip(child)]),
  );
}

// Under `properties` the keys are field names (a field may be called `description`), not keywords.
function stripProperties(properties: unknown): unknown {
  return isNode(properties)
    ? Object.fromEntries(Object.entries(properties).map(([name, schema]) => [name, strip(schema)]))
    : properties;
}
