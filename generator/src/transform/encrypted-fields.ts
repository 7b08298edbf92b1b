import { findEncryptedFields } from '@wechatpay-kit/core/internal/encrypted-fields';
import { SpecError } from '../errors.js';
import type { DocumentContext } from '../lib/document.js';
import { joinPointer } from '@wechatpay-kit/core/internal';

/** A place in the bundled document. */
interface At {
  pointer: string;
  child(key: string | number): At;
}

const at = (pointer: string): At => ({
  pointer,
  child: (key) => at(joinPointer(pointer, String(key))),
});

/**
 * Field pointers (into the JSON instance, not the schema) of every field a schema marks
 * `x-wechatpay-encrypted: true`, found by the walker the lint rule uses too; `*` tokens select
 * several values (see core's `mapPointers`). A mark no pointer can express is a SpecError naming
 * where it is; `redocly lint` (run first) reports the same problems with their source file.
 */
export function collectEncryptedFields(
  schema: unknown,
  ctx: DocumentContext,
  { path }: { path: string },
): string[] {
  const { fields, problems } = findEncryptedFields(schema, at(path), (node, location) => {
    const target = ctx.resolve(node, location.pointer);
    return { node: target.node, location: at(target.pointer) };
  });
  if (problems.length > 0) {
    throw new SpecError(
      problems.map(({ location, message }) => ({
        file: '(bundled spec)',
        pointer: `#${location.pointer}`,
        message,
        severity: 'error',
      })),
    );
  }
  return fields;
}
