import { joinPointer, mapPointers } from '@wechatpay-kit/core/internal';
import { childNode, isNode } from '../lib/document.js';
import { seededValue } from '../lib/seeded-data.js';
import type { TransformContext } from './context.js';
import { collectEncryptedFields } from './encrypted-fields.js';
import { jsonMediaOf } from './operation-object.js';

/**
 * The body a mock answers a success with, from one Response Object: the `application/json`
 * example (its `example`, else the `value` of the first of its `examples`; `externalValue` is not
 * followed) when it fits the schema, else the smallest value the schema allows, drawn from a PRNG
 * seeded by the response's pointer; none when the response has no JSON body or no value fits.
 *
 * A spec shows encrypted fields (`x-wechatpay-encrypted`) as they travel, ciphertext; a mock
 * answers plaintext and encrypts it, so their example values are replaced by seeded strings.
 * @see https://spec.openapis.org/oas/v3.1.0#media-type-object
 */
export async function transformSuccessExample(
  response: unknown,
  context: TransformContext,
): Promise<{ example?: unknown }> {
  const media = jsonMediaOf(response, context);
  if (!media) {
    return {};
  }
  const example = exampleOf(media.node, context.at(media.pointer));
  const schema = media.node.schema;
  if (!isNode(schema)) {
    return example === undefined ? {} : { example };
  }
  const schemaAt = joinPointer(media.pointer, 'schema');
  if (example !== undefined) {
    const plaintext = structuredClone(example);
    const encrypted = collectEncryptedFields(schema, context.at(schemaAt));
    await mapPointers(plaintext, encrypted, async (_value, pointer) =>
      seededValue({ type: 'string' }, '', context.resolve, `${context.pointer}${pointer}`),
    );
    if (context.check(plaintext, schema, schemaAt) === undefined) {
      return { example: plaintext };
    }
  }
  const seeded = seededValue(schema, schemaAt, context.resolve, context.pointer);
  if (seeded === undefined || context.check(seeded, schema, schemaAt) !== undefined) {
    return {};
  }
  return { example: seeded };
}

function exampleOf(media: Record<string, unknown>, context: TransformContext): unknown {
  if (media.example !== undefined) {
    return media.example;
  }
  const [first] = Object.entries(childNode(media, 'examples'));
  if (!first) {
    return undefined;
  }
  const example = context.resolve(first[1], joinPointer(context.pointer, 'examples', first[0]));
  return example.node.value;
}
