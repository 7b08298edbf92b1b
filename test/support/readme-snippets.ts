import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * A ```ts (or ```typescript) block of a README, with what it needs to compile.
 *
 * Convention: a snippet that uses names its reader supplies (keys, a handler of their own, a
 * value from an earlier block) gets them from an HTML comment right before its fence, which
 * renders as nothing:
 *
 *     <!-- snippet-preamble
 *     declare const apiV3Key: string;
 *     declare function markGranted(id: string, at: string): Promise<void>;
 *     -->
 *     ```ts
 *
 * The comment's first and last lines are exactly `<!-- snippet-preamble` and `-->`; only blank
 * lines may separate it from the fence. The preamble is prepended to the snippet, and each
 * snippet is a module of its own.
 */
export interface Snippet {
  /** README path relative to the repository root. */
  readme: string;
  /** 1-based line of the snippet's first code line in the README. */
  line: number;
  code: string;
  preamble: string;
  /** 1-based README line of the preamble's first line, inside the comment. */
  preambleLine: number;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)/;
const LANGUAGES = new Set(['ts', 'typescript']);
const PREAMBLE_OPEN = /^<!--\s*snippet-preamble\s*$/;

/** Every TypeScript block of one README, in order. */
export function extractSnippets(markdown: string, readme: string): Snippet[] {
  const lines = markdown.split('\n');
  const snippets: Snippet[] = [];
  let preamble: { text: string; line: number } | undefined;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (PREAMBLE_OPEN.test(line)) {
      const end = lines.findIndex((candidate, at) => at > index && candidate.trim() === '-->');
      if (end === -1) {
        throw new Error(
          `${readme}:${index + 1}: a snippet-preamble comment needs a closing --> line`,
        );
      }
      preamble = { text: lines.slice(index + 1, end).join('\n'), line: index + 2 };
      index = end;
      continue;
    }
    const fence = FENCE.exec(line);
    if (!fence) {
      if (line.trim() !== '') preamble = undefined;
      continue;
    }
    const marker = fence[1] ?? '```';
    const close = lines.findIndex((candidate, at) => at > index && closes(candidate, marker));
    const end = close === -1 ? lines.length : close;
    if (LANGUAGES.has((fence[2] ?? '').toLowerCase())) {
      snippets.push({
        readme,
        line: index + 2,
        code: lines.slice(index + 1, end).join('\n'),
        preamble: preamble?.text ?? '',
        preambleLine: preamble?.line ?? index + 1,
      });
    }
    preamble = undefined;
    index = end;
  }
  return snippets;
}

/** A closing fence: the opening's character, at least as many, nothing else on the line. */
function closes(line: string, marker: string): boolean {
  const trimmed = line.trim();
  return (
    /^ {0,3}\S/.test(line) &&
    trimmed.length >= marker.length &&
    [...trimmed].every((char) => char === marker[0])
  );
}

const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', '.git', '.turbo', 'coverage']);

/** Every README.md of the repository, outside installed and built folders, sorted. */
export function findReadmes(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) {
        walk(join(dir, entry.name));
      } else if (entry.isFile() && entry.name === 'README.md') {
        found.push(relative(root, join(dir, entry.name)));
      }
    }
  };
  walk(root);
  return found.sort();
}

/** The snippets of every README under `root`. */
export function readmeSnippets(root: string): Snippet[] {
  return findReadmes(root).flatMap((readme) =>
    extractSnippets(readFileSync(join(root, readme), 'utf8'), readme),
  );
}
