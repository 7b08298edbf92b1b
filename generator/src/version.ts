import { createRequire } from 'node:module';

/** The generator's own version, named in every generated header. */
export const GENERATOR_VERSION: string = (
  createRequire(import.meta.url)('../package.json') as { version: string }
).version;
