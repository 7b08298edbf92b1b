/** A name usable as a JavaScript identifier (ASCII only, so every editor and tool agrees). */
export const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

// Reserved words (and the type names TypeScript refuses as a declaration's name): a generated
// declaration may not be called that, though an object key may.
const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends ' +
    'false finally for function if import in instanceof new null return super switch this throw ' +
    'true try typeof var void while with as implements interface let package private protected ' +
    'public static yield any bigint boolean never number object string symbol undefined unknown ' +
    'await type'
  ).split(' '),
);

/** Whether `name` can be a generated declaration's name as it is. */
export function isDeclarationName(name: string): boolean {
  return IDENTIFIER.test(name) && !RESERVED.has(name);
}

/** The alphanumeric words of a name: `meta/root` → `meta`, `root`; `+1` → `1`. */
function words(name: string): string[] {
  return name.split(/[^A-Za-z0-9]+/).filter(Boolean);
}

const upperFirst = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** `meta/root` → `metaRoot`; an identifier stays as it is. */
export function camelCaseName(name: string): string {
  if (IDENTIFIER.test(name)) {
    return name;
  }
  const [first = '', ...rest] = words(name);
  return leadingSafe(first + rest.map(upperFirst).join(''), 'operation');
}

/** `simple-user` → `SimpleUser`; a declaration name stays as it is. */
export function pascalCaseName(name: string): string {
  if (isDeclarationName(name)) {
    return name;
  }
  return leadingSafe(words(name).map(upperFirst).join(''), 'Schema');
}

/** `in-progress` → `IN_PROGRESS`, `+1` → `_1`: an enum member key from its value. */
export function constantCaseName(value: string): string {
  if (IDENTIFIER.test(value)) {
    return value;
  }
  const joined = words(value).join('_').toUpperCase();
  return leadingSafe(joined, 'EMPTY');
}

function leadingSafe(name: string, fallback: string): string {
  if (name === '') {
    return fallback;
  }
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

/**
 * Gives each wanted name a unique one, in order: the first keeps its name, later ones that
 * clash (with each other or with `taken`) get the lowest free suffix `2`, `3`, …, after `joiner`.
 * The same input always gives the same names.
 */
export function uniqueNames(
  wanted: readonly string[],
  taken: Iterable<string> = [],
  joiner = '',
): string[] {
  const used = new Set(taken);
  return wanted.map((name) => {
    let unique = name;
    for (let suffix = 2; used.has(unique); suffix += 1) {
      unique = `${name}${joiner}${suffix}`;
    }
    used.add(unique);
    return unique;
  });
}
