import type { ApiModel } from '../model.js';

/** `README.md` of the generated folder: what is here and how to change it. */
export function generatedReadme(model: ApiModel, specLabel: string): string {
  return [
    '# Generated code: do not edit',
    '',
    `Everything in this folder is written by \`@wechatpay-kit/generator\` from \`${specLabel}\``,
    `(${model.title}, spec version ${model.version}). Edits here are overwritten.`,
    'To change it, edit the spec and run `pnpm generate`; CI runs `pnpm generate --check`.',
    '',
    '| file | holds |',
    '| --- | --- |',
    '| `schema.ts` | `paths`, `webhooks`, `components`, `operations` types (openapi-typescript) |',
    '| `enums.ts` | each named enum as a const object and a union type |',
    '| `types.ts` | a named type for each component schema that is not an enum |',
    `| \`operations.ts\` | the operation table (${model.operations.length} operations) and the webhook table (${model.webhooks.length} events) |`,
    '| `client.ts` | the client factory and one typed method per operation |',
    '| `notifications.ts` | `parseNotification`, typed with the decrypted callback resources |',
    '| `index.ts` | the public exports |',
    '',
  ].join('\n');
}
