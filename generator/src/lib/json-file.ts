/**
 * JSON files as the repository's Prettier writes them, without loading Prettier (it cost the
 * generator ~0.35 s of CPU for a handful of small files). `package.json` is printed like
 * `JSON.stringify(value, null, 2)` (Prettier's `json-stringify` parser); other JSON files keep
 * objects expanded and put an array of plain values on one line when it fits (its `json` parser).
 */
export function jsonFile(value: unknown, fileName: string, printWidth = 100): string {
  const text =
    fileName === 'package.json'
      ? JSON.stringify(value, null, 2)
      : print(value, '', fileName.length, printWidth);
  return `${text}\n`;
}

/**
 * `value` at `indent`; its first line starts at `column` and is followed by `after` characters
 * (the `,` between members).
 */
function print(value: unknown, indent: string, column: number, width: number, after = 0): string {
  if (Array.isArray(value)) {
    return printArray(value, indent, column + after, width);
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) {
      return '{}';
    }
    const inner = `${indent}  `;
    const members = entries.map(([key, member], index) => {
      const head = `${inner}${JSON.stringify(key)}: `;
      const comma = index < entries.length - 1 ? 1 : 0;
      return head + print(member, inner, head.length, width, comma);
    });
    return `{\n${members.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

/** `column` counts what follows the array on its line too. */
function printArray(items: unknown[], indent: string, column: number, width: number): string {
  if (items.length === 0) {
    return '[]';
  }
  const inline = inlineArray(items);
  if (inline !== undefined && column + inline.length <= width) {
    return inline;
  }
  const inner = `${indent}  `;
  const lines = items.map(
    (item, index) =>
      inner + print(item, inner, inner.length, width, index < items.length - 1 ? 1 : 0),
  );
  return `[\n${lines.join(',\n')}\n${indent}]`;
}

/** An array holding no object on one line, `[1, ["a", "b"]]`; `undefined` if it holds one. */
function inlineArray(items: unknown[]): string | undefined {
  const parts: string[] = [];
  for (const item of items) {
    const part = Array.isArray(item)
      ? inlineArray(item)
      : item !== null && typeof item === 'object'
        ? undefined
        : JSON.stringify(item);
    if (part === undefined) {
      return undefined;
    }
    parts.push(part);
  }
  return `[${parts.join(', ')}]`;
}
