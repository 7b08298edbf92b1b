import type { StatementStructures } from 'ts-morph';
import { StructureKind } from '../lib/ts-morph.js';
import { docsOf } from './source-file.js';

/** `notifications.ts`: the callback parser, typed with this API's decrypted resources. */
export function notificationStatements(
  clientName: string,
  corePackage: string,
): StatementStructures[] {
  const event = `${clientName}Notification`;
  return [
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: corePackage,
      namedImports: [
        { name: 'parseNotification', alias: 'parseWechatpayNotification' },
        { name: 'NotificationEvent', isTypeOnly: true },
        { name: 'NotificationInput', isTypeOnly: true },
        { name: 'NotificationOptions', isTypeOnly: true },
      ],
    },
    {
      kind: StructureKind.ImportDeclaration,
      isTypeOnly: true,
      moduleSpecifier: './operations.js',
      namedImports: ['WebhookResources'],
    },
    {
      kind: StructureKind.TypeAlias,
      isExported: true,
      name: event,
      docs: docsOf(
        'A verified, decrypted callback; checking `event_type` narrows `resource` to its decrypted type.',
      ),
      type: 'NotificationEvent<WebhookResources>',
    },
    {
      kind: StructureKind.Function,
      isExported: true,
      name: 'parseNotification',
      docs: docsOf(
        'Verifies a callback over its raw body and decrypts its resource with the APIv3 key.',
        'Pass the same `options` object every time: its keys are imported once.',
      ),
      parameters: [
        { name: 'input', type: 'Request | NotificationInput' },
        { name: 'options', type: 'NotificationOptions' },
      ],
      returnType: `Promise<${event}>`,
      statements: 'return parseWechatpayNotification<WebhookResources>(input, options);',
    },
  ];
}
