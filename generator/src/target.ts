import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One generated package: which spec to read and where its generated folder is. */
export interface GenerateTarget {
  /** Entry file of the (split) spec. */
  specPath: string;
  /** Redocly config with the lint rules and plugins; its directory otherwise. */
  redoclyConfigPath?: string;
  /** The generated folder; it is replaced as a whole. */
  outDir: string;
  /**
   * The generated folder of the MSW handlers package (`handlers.ts`), replaced as a whole like
   * `outDir`; none is written when absent.
   */
  mswOutDir?: string;
  /** Prefix of the client names: `Inspolicymgr` gives `createInspolicymgrClient`. */
  clientName: string;
  /** How the header names the spec, e.g. `spec/openapi.yaml`. */
  specLabel: string;
  /** Package the generated code imports its runtime from (and its `/internal` subpath). */
  corePackage: string;
  /** Name of the package the output belongs to, for the User-Agent. */
  packageName: string;
  /** Folder the files in spec problems are named relative to; default the process's. */
  cwd?: string;
}

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The repository's one target today: the insurance policy service package. */
export const INSPOLICYMGR: GenerateTarget = {
  specPath: resolve(REPO_ROOT, 'spec/openapi.yaml'),
  redoclyConfigPath: resolve(REPO_ROOT, 'spec/redocly.yaml'),
  outDir: resolve(REPO_ROOT, 'packages/inspolicymgr/src/generated'),
  mswOutDir: resolve(REPO_ROOT, 'packages/inspolicymgr-msw/src/generated'),
  clientName: 'Inspolicymgr',
  specLabel: 'spec/openapi.yaml',
  corePackage: '@wechatpay-kit/core',
  packageName: '@wechatpay-kit/inspolicymgr',
};
