import { markdownTable } from '../lib/markdown-table.js';
import type { ApiModel } from '../model.js';
import type { Product } from './discover.js';

/**
 * The client package's README, written from the spec's `info` and operations: what the package
 * is, how to make a client, and one row per operation.
 */
export function clientReadme(product: Product, model: ApiModel, specLabel: string): string {
  const { info, packageName, clientName } = product;
  const rows = model.operations.map((operation) => [
    `\`${operation.operationId}\``,
    `\`${operation.method} ${operation.path}\``,
  ]);
  return [
    `# ${packageName}`,
    '',
    `Typed client for ${info.title}, spec version ${info.version}. Built on`,
    '[openapi-fetch](https://openapi-ts.dev/openapi-fetch/); requests are signed, answers verified.',
    ...(info.summary ? ['', info.summary] : []),
    ...(info.description ? ['', info.description.trim()] : []),
    '',
    '<!-- snippet-preamble',
    'declare const merchantPrivateKeyPem: string;',
    'declare const wechatpayPublicKeyPem: string;',
    '-->',
    '',
    '```ts',
    `import { create${clientName}Client } from '${packageName}';`,
    '',
    `const client = create${clientName}Client({`,
    "  mchid: '1900000001',",
    '  merchant: {',
    "    serialNo: '1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C',",
    '    privateKey: merchantPrivateKeyPem,',
    '  },',
    '  wechatpay: {',
    "    publicKeyId: 'PUB_KEY_ID_0114232134912410000000000000',",
    '    publicKey: wechatpayPublicKeyPem,',
    '  },',
    '});',
    'console.log(Object.keys(client)); // one method per operation',
    '```',
    '',
    ...markdownTable(['operation', 'method and path'], rows),
    '',
    `Exports: \`create${clientName}Client\`, the \`paths\`, \`components\`, \`operations\` and`,
    '`webhooks` types, a named type for every component schema, every enum as a const object plus',
    'union type, `operationTable` and `webhookTable`. Typed mock handlers for tests are in',
    `\`@wechatpay-kit/mock/${product.name}\`.`,
    'ESM only, side-effect free, Node ≥ 20.19, Deno, Bun, workers and browsers.',
    '',
    `Written by \`pnpm generate\` from \`${specLabel}\`: edit the spec, not this file.`,
    '',
  ].join('\n');
}
