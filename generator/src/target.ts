import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One generated package: which spec to read and where its generated folders are. */
export interface GenerateTarget {
  /** Entry file of the (split) spec. */
  specPath: string;
  /** Redocly config with the lint rules and plugins; its directory otherwise. */
  redoclyConfigPath?: string;
  /** The generated folder; it is replaced as a whole. */
  outDir: string;
  /**
   * The product's generated folder in the mock package (`handlers.ts`, `schemas.ts`,
   * `index.ts`), replaced as a whole like `outDir`; none is written when absent.
   */
  mockOutDir?: string;
  /**
   * Module the generated mock handlers import the hand-written runtime from: a path relative to
   * `mockOutDir` inside the mock package, `@wechatpay-kit/mock` elsewhere.
   */
  mockRuntimeModule?: string;
  /** Prefix of the client names: `Inspolicymgr` gives `createInspolicymgrClient`. */
  clientName: string;
  /** How the header names the spec: its path from the repository root. */
  specLabel: string;
  /** Package the generated code imports its runtime from (and its `/internal` subpath). */
  corePackage: string;
  /** Name of the package the output belongs to, for the User-Agent. */
  packageName: string;
  /** Folder the files in spec problems are named relative to; default the process's. */
  cwd?: string;
}

/** The wechatpay-kit repository: its `spec/<product>` folders are the default products. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The runtime the mock handlers import when they are generated outside the mock package. */
export const MOCK_PACKAGE = '@wechatpay-kit/mock';
