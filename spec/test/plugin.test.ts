import { describe, expect, it } from 'vitest';
import {
  bundleSpec,
  describeProblems,
  fixture,
  lintBundled,
  lintFile,
  lintProduct,
  ofRule,
  products,
  pointerOf,
} from './helpers.js';

describe('wechatpay/encrypted-requires-serial', () => {
  it('reports operations whose encrypted body lacks a required Wechatpay-Serial header', async () => {
    const problems = ofRule(
      await lintFile(fixture('encrypted-requires-serial.yaml')),
      'wechatpay/encrypted-requires-serial',
    );
    expect(problems.map((p) => [pointerOf(p), p.message, p.severity])).toEqual([
      [
        '#/paths/~1v3~1things/post/parameters',
        'Operation "createThing" sends encrypted field(s) /holder/names/* but declares no "Wechatpay-Serial" header parameter.',
        'error',
      ],
      [
        '#/paths/~1v3~1things~1{id}/patch/parameters/0',
        'Operation "updateThing" sends encrypted field(s) /holder/names/*; its "Wechatpay-Serial" header parameter must be required.',
        'error',
      ],
    ]);
  });
});

describe('wechatpay/enum-varnames', () => {
  it('reports enums without matching x-enum-varnames / x-enum-descriptions', async () => {
    const problems = ofRule(
      await lintFile(fixture('enum-varnames.yaml')),
      'wechatpay/enum-varnames',
    );
    expect(problems.map((p) => [pointerOf(p), p.message])).toEqual([
      [
        '#/components/schemas/MissingVarnames/enum',
        'Schema with "enum" (2 values) must declare "x-enum-varnames".',
      ],
      [
        '#/components/schemas/WrongLength/x-enum-varnames',
        '"x-enum-varnames" must list 3 entries, one per "enum" value (found 2 entries).',
      ],
      [
        '#/components/schemas/MissingDescriptions/enum',
        'Schema with "enum" (2 values) must declare "x-enum-descriptions".',
      ],
      [
        '#/components/schemas/OpenMissingDescriptions/x-extensible-enum',
        'Schema with "x-extensible-enum" (2 values) must declare "x-enum-descriptions".',
      ],
    ]);
    // A missing keyword is reported on the `enum` key itself.
    expect(problems[0]?.location[0]).toMatchObject({ reportOnKey: true });
  });
});

describe('configurable rules in redocly.yaml', () => {
  it('requires camelCase operationIds and a description on every schema property', async () => {
    const problems = await lintFile(fixture('configurable-rules.yaml'));

    const casing = ofRule(problems, 'rule/operation-id-camel-case');
    expect(casing.map((p) => [pointerOf(p), p.message])).toEqual([
      [
        '#/paths/~1v3~1items/get/operationId',
        'operationId must be present and camelCase: "list_items" should use camelCase',
      ],
      [
        '#/paths/~1v3~1items/post/operationId',
        'operationId must be present and camelCase: Should be defined',
      ],
    ]);

    const descriptions = ofRule(problems, 'rule/schema-property-description');
    expect(descriptions.map((p) => [pointerOf(p), p.message])).toEqual([
      [
        '#/paths/~1v3~1items/get/responses/200/content/application~1json/schema/properties/undocumented/description',
        'Schema property "undocumented" needs a description (中文 + English): Should be defined',
      ],
    ]);
  });
});

describe('every product spec', () => {
  it('is found: one folder per product', () => {
    expect(products).toContain('inspolicymgr');
  });

  it.each(products)(
    '%s lints clean with its own config: zero errors and zero warnings',
    async (name) => {
      expect(describeProblems(await lintProduct(name))).toEqual([]);
    },
  );
});

describe('the real spec', () => {
  it('lints clean once bundled (no unused components)', async () => {
    const problems = await lintBundled();
    expect(describeProblems(problems)).toEqual([]);
  });

  it('keeps the decrypted notification schemas reachable through contentSchema after bundling', async () => {
    const doc = (await bundleSpec()) as {
      webhooks: Record<
        string,
        { post: { requestBody: { content: Record<string, { schema: { $ref: string } }> } } }
      >;
      components: { schemas: Record<string, any> };
    };
    const expected = {
      'INSURANCE_POLICY_MANAGEMENT.GRANTED': '#/components/schemas/GrantedNotificationResource',
      'INSURANCE_POLICY_MANAGEMENT.PENDING_UPLOAD_QUERY':
        '#/components/schemas/PendingUploadQueryNotificationResource',
    };
    for (const [event, decrypted] of Object.entries(expected)) {
      const envelopeRef =
        doc.webhooks[event]?.post.requestBody.content['application/json']?.schema.$ref ?? '';
      const envelope = doc.components.schemas[envelopeRef.replace('#/components/schemas/', '')];
      const ciphertext = envelope?.properties?.resource?.properties?.ciphertext;
      expect(ciphertext).toMatchObject({
        type: 'string',
        contentEncoding: 'base64',
        contentMediaType: 'application/json',
        contentSchema: { $ref: decrypted },
      });
      expect(envelope?.properties?.event_type?.const).toBe(event);
    }
  });
});
