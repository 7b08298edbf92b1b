import type { ApiModel } from '../model.js';

/** What each generated file holds, in the order the README lists them. */
const HOLDS: Record<string, (model: ApiModel) => string> = {
  'schema.ts': () => '`paths`, `webhooks`, `components`, `operations` types (openapi-typescript)',
  'enums.ts': () => 'each named enum as a const object and a union type',
  'types.ts': () => 'a named type for each component schema that is not an enum',
  'operations.ts': (model) =>
    `the operation table (${model.operations.length} operations) and the webhook table (${model.webhooks.length} events)`,
  'client.ts': () => 'the client factory and one typed method per operation',
  'notifications.ts': () => '`parseNotification`, typed with the decrypted callback resources',
  'index.ts': () => 'the public exports',
};

/** `README.md` of the generated folder: what is here (the files in `paths`) and how to change it. */
export function generatedReadme(
  model: ApiModel,
  specLabel: string,
  paths: readonly string[],
): string {
  const present = new Set(paths);
  const rows = Object.entries(HOLDS)
    .filter(([path]) => present.has(path))
    .map(([path, holds]) => `| \`${path}\` | ${holds(model)} |`);
  return [
    '# Generated code: do not edit',
    '',
    `Everything in this folder is written by \`@wechatpay-kit/generator\` from \`${specLabel}\``,
    `(${model.title}, spec version ${model.version}). Edits here are overwritten.`,
    'To change it, edit the spec and run `pnpm generate`; CI runs `pnpm generate --check`.',
    '',
    '| file | holds |',
    '| --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
