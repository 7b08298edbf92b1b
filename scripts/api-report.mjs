#!/usr/bin/env node
// Checks the declared API of a published package against its committed report, one API
// Extractor report per entry point of its exports map (`api/<entry>.api.md`), read from the
// built `dist/*.d.ts`. `--update` rewrites the reports instead of failing on a difference.
//
//   node scripts/api-report.mjs [--update] [package folder ...]   (default: the current folder)
import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CompilerState, Extractor, ExtractorConfig } from '@microsoft/api-extractor';

const { values, positionals } = parseArgs({
  options: { update: { type: 'boolean', default: false } },
  allowPositionals: true,
});

/** `.` → `index`, `./node` → `node`, `./a/b` → `a-b`. */
function reportName(subpath) {
  return subpath === '.' ? 'index' : subpath.slice(2).replaceAll('/', '-');
}

/** The `types` file of every entry point except `./package.json`. */
function entryPoints(manifest) {
  return Object.entries(manifest.exports ?? {})
    .filter(([subpath, target]) => typeof target === 'object' && target.types)
    .map(([subpath, target]) => ({ name: reportName(subpath), types: target.types }));
}

function configFor(folder, manifest, entry) {
  return ExtractorConfig.prepare({
    configObject: {
      projectFolder: folder,
      mainEntryPointFilePath: resolve(folder, entry.types),
      // The published declarations as a consumer resolves them: no source condition.
      compiler: {
        overrideTsconfig: {
          compilerOptions: {
            target: 'ES2022',
            lib: ['ES2022', 'DOM', 'DOM.Iterable'],
            module: 'NodeNext',
            moduleResolution: 'NodeNext',
            strict: true,
            skipLibCheck: true,
            types: [],
          },
          files: [resolve(folder, entry.types)],
        },
      },
      apiReport: {
        enabled: true,
        reportFileName: entry.name,
        reportFolder: resolve(folder, 'api'),
        reportTempFolder: join(tmpdir(), 'wechatpay-kit-api', manifest.name, entry.name),
      },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      newlineKind: 'lf',
      messages: {
        compilerMessageReporting: { default: { logLevel: 'error' } },
        extractorMessageReporting: {
          default: { logLevel: 'error', addToApiReportFile: false },
          // Release tags (@public, @beta) are not used: the entry point is the boundary.
          'ae-missing-release-tag': { logLevel: 'none', addToApiReportFile: false },
          // Doc comments are reviewed as code, not counted here.
          'ae-undocumented': { logLevel: 'none', addToApiReportFile: false },
          'ae-unresolved-link': { logLevel: 'none', addToApiReportFile: false },
          // A type the entry point uses but does not export is noted in the report for review:
          // often it is exported by a sibling entry point (`./node` uses the root's simulator).
          'ae-forgotten-export': { logLevel: 'none', addToApiReportFile: true },
        },
        tsdocMessageReporting: { default: { logLevel: 'none', addToApiReportFile: false } },
      },
    },
    configObjectFullPath: undefined,
    packageJsonFullPath: resolve(folder, 'package.json'),
  });
}

let failed = false;
for (const folder of (positionals.length > 0 ? positionals : ['.']).map((f) => resolve(f))) {
  const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
  mkdirSync(join(folder, 'api'), { recursive: true });
  const entries = entryPoints(manifest).map((entry) => ({
    ...entry,
    config: configFor(folder, manifest, entry),
  }));
  // One TypeScript program for all entry points of the package: most of their files are shared.
  const compilerState = CompilerState.create(entries[0].config, {
    additionalEntryPoints: entries.map((entry) => entry.config.mainEntryPointFilePath),
  });
  for (const entry of entries) {
    const label = `${manifest.name} ${entry.name === 'index' ? '.' : `./${entry.name}`}`;
    const result = Extractor.invoke(entry.config, {
      compilerState,
      localBuild: values.update,
      messageCallback(message) {
        // Our own summary below replaces API Extractor's "please copy the report" warning, and
        // the notice of its bundled TypeScript version (it reads declarations only) is noise.
        if (['console-api-report-not-copied', 'console-preamble'].includes(message.messageId)) {
          message.handled = true;
        }
      },
    });
    if (result.apiReportChanged && !values.update) {
      console.error(
        `✗ ${label}: the declared API differs from api/${entry.name}.api.md.\n` +
          `  If the change is intended, run \`pnpm api:update\` and commit the report.`,
      );
      failed = true;
    } else if (!result.succeeded) {
      console.error(`✗ ${label}: API Extractor reported errors (above)`);
      failed = true;
    } else {
      console.log(`✓ ${label}${result.apiReportChanged ? ' (report updated)' : ''}`);
    }
  }
}
process.exitCode = failed ? 1 : 0;
