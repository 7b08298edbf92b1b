import { createRequire } from 'node:module';
import type * as OpenapiTypescript from 'openapi-typescript';
import type { GlobalContext, OpenAPI3, OpenAPITSOptions } from 'openapi-typescript';
import type { Node as TsNode } from 'typescript';
import './typescript.js';

/*
 * openapi-typescript's transform and printer modules, without its entry point: the entry loads
 * a second Redocly core (1.x) only to lint and bundle again the document the generator has
 * already linted and bundled with its own (2.x). Required after ./typescript.js has pointed its
 * `typescript` at ts-morph's compiler.
 */
const require = createRequire(import.meta.url);
type Module = typeof OpenapiTypescript;

const transformSchema = require('openapi-typescript/dist/transform/index.cjs') as (
  schema: OpenAPI3,
  ctx: GlobalContext,
) => TsNode[];
const { resolveRef, scanDiscriminators } = require('openapi-typescript/dist/lib/utils.cjs') as Pick<
  Module,
  'resolveRef' | 'scanDiscriminators'
>;

export const { STRING, astToString, tsIntersection, tsLiteral, tsUnion } =
  require('openapi-typescript/dist/lib/ts.cjs') as Pick<
    Module,
    'STRING' | 'astToString' | 'tsIntersection' | 'tsLiteral' | 'tsUnion'
  >;

/** The options the generator sets; the others keep openapi-typescript's defaults. */
export type SchemaTypesOptions = Pick<OpenAPITSOptions, 'alphabetize' | 'exportType' | 'transform'>;

/**
 * What `openapiTS(document, options)` returns for a document that is already bundled (every
 * `$ref` local) and linted: the TypeScript nodes of its `paths`, `webhooks`, `components` and
 * `operations` types. Mutates `document` as openapiTS does.
 */
export function openapiTypes(document: OpenAPI3, options: SchemaTypesOptions): TsNode[] {
  const ctx: GlobalContext = {
    additionalProperties: false,
    alphabetize: options.alphabetize ?? false,
    arrayLength: false,
    defaultNonNullable: true,
    discriminators: scanDiscriminators(document, {}),
    emptyObjectsUnknown: false,
    enum: false,
    enumValues: false,
    conditionalEnums: false,
    dedupeEnums: false,
    excludeDeprecated: false,
    exportType: options.exportType ?? false,
    immutable: false,
    rootTypes: false,
    rootTypesNoSchemaPrefix: false,
    rootTypesKeepCasing: false,
    injectFooter: [],
    pathParamsAsTypes: false,
    postTransform: undefined,
    propertiesRequiredByDefault: false,
    // Read only by the lint and bundle steps this skips.
    redoc: undefined as unknown as GlobalContext['redoc'],
    silent: true,
    transform: options.transform,
    transformProperty: undefined,
    makePathsEnum: false,
    generatePathParams: false,
    readWriteMarkers: false,
    resolve: ($ref) => resolveRef(document, $ref, { silent: true }),
  };
  return transformSchema(document, ctx);
}
