import { findEncryptedFields } from '@wechatpay-kit/core/internal/encrypted-fields';
import type { TransformContext } from './context.js';

/**
 * Field pointers (into the JSON instance, not the schema) of every field a schema marks
 * `x-wechatpay-encrypted: true`, found by the walker the lint rule uses too; `*` tokens select
 * several values (see core's `mapPointers`). A schema with no mark gives none. A mark no pointer
 * can express is reported where it is; `redocly lint` (run first) reports the same problems with
 * their source file.
 */
export function collectEncryptedFields(schema: unknown, context: TransformContext): string[] {
  const { fields, problems } = findEncryptedFields(schema, context, (node, location) => {
    const target = context.resolve(node, location.pointer);
    return { node: target.node, location: context.at(target.pointer) };
  });
  for (const { location, message } of problems) {
    context.report(message, location.pointer);
  }
  return fields;
}
