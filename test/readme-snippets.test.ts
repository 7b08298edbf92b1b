import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractSnippets, findReadmes, readmeSnippets } from './support/readme-snippets.js';
import { typeCheckSnippets } from './support/snippet-check.js';

// Every ```ts block of every README compiles, strict, against the built packages as a consumer
// imports them. Names a snippet leaves to its reader come from a hidden `<!-- snippet-preamble`
// comment before the block; see support/readme-snippets.ts.

const ROOT = resolve(import.meta.dirname, '..');

describe('README snippets', () => {
  it('are found in every README, with their line and preamble', () => {
    const markdown = [
      '# Title', // 1
      '', // 2
      '```sh', // 3
      'npm test', // 4
      '```', // 5
      '<!-- snippet-preamble', // 6
      'declare const key: string;', // 7
      '-->', // 8
      '', // 9
      '```ts', // 10
      'use(key);', // 11
      '````', // 12: closes the block (a longer fence counts)
      'Text between blocks drops a preamble.', // 13
      '~~~typescript', // 14
      '```', // 15: inside a ~~~ block
      '~~~', // 16
    ].join('\n');
    expect(extractSnippets(markdown, 'X.md')).toEqual([
      {
        readme: 'X.md',
        line: 11,
        code: 'use(key);',
        preamble: 'declare const key: string;',
        preambleLine: 7,
      },
      { readme: 'X.md', line: 15, code: '```', preamble: '', preambleLine: 14 },
    ]);
    expect(findReadmes(ROOT)).toEqual(
      expect.arrayContaining([
        'README.md',
        'packages/core/README.md',
        'packages/mock/README.md',
        'packages/inspolicymgr/README.md',
        'spec/README.md',
      ]),
    );
    expect(findReadmes(ROOT).filter((path) => path.includes('node_modules'))).toEqual([]);
  });

  it('report a type error with its README line', () => {
    const snippets = extractSnippets(
      [
        '<!-- snippet-preamble',
        'declare const n: number;',
        '-->',
        '```ts',
        'const s: string = n;',
        '```',
      ].join('\n'),
      'BROKEN.md',
    );
    expect(typeCheckSnippets(snippets, import.meta.dirname)).toEqual([
      "BROKEN.md:5: TS2322 Type 'number' is not assignable to type 'string'.",
    ]);
  });

  it('all compile', { timeout: 240_000 }, () => {
    const snippets = readmeSnippets(ROOT);
    expect(new Set(snippets.map((snippet) => snippet.readme))).toEqual(
      new Set(['README.md', 'packages/inspolicymgr/README.md', 'packages/mock/README.md']),
    );
    expect(typeCheckSnippets(snippets, import.meta.dirname)).toEqual([]);
  });
});
