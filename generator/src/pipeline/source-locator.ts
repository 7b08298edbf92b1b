import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseYaml } from '@redocly/openapi-core';
import { joinPointer, pointerTokens } from '@wechatpay-kit/core/internal';
import { isNode } from '../lib/document.js';

/** Where a node of the bundled document was written: its source file and pointer there. */
export interface SourceLocation {
  file: string;
  pointer: string;
}

/**
 * Finds where a pointer of the bundled document points in the split spec: walks the entry file
 * along the pointer, following each `$ref` to another file on the way. `undefined` when the
 * bundler made the node up (e.g. a component for an inline external `$ref`).
 */
export function createSourceLocator(
  entryFile: string,
): (pointer: string) => Promise<SourceLocation | undefined> {
  const files = new Map<string, Promise<unknown>>();
  const load = (file: string) => {
    let parsed = files.get(file);
    if (!parsed) {
      parsed = readFile(file, 'utf8').then((text) => parseYaml(text) as unknown);
      files.set(file, parsed);
    }
    return parsed;
  };
  return async (pointer) => {
    let file = entryFile;
    let at = '';
    let node = await load(file);
    const follow = async (local: boolean) => {
      const ref = isNode(node) ? node.$ref : undefined;
      if (typeof ref === 'string' && (local || !ref.startsWith('#'))) {
        const [target = '', fragment = ''] = ref.split('#');
        file = target === '' ? file : resolve(dirname(file), target);
        at = fragment;
        node = nodeAt(await load(file), fragment);
      }
    };
    for (const token of pointerTokens(pointer)) {
      await follow(true);
      node =
        isNode(node) || Array.isArray(node) ? (node as Record<string, unknown>)[token] : undefined;
      if (node === undefined) {
        return undefined;
      }
      at = joinPointer(at, token);
    }
    // The bundler puts another file's content where it is referenced; a local `$ref` stays.
    await follow(false);
    return { file, pointer: `#${at}` };
  };
}

function nodeAt(document: unknown, pointer: string): unknown {
  let node = document;
  for (const token of pointerTokens(pointer)) {
    node =
      isNode(node) || Array.isArray(node) ? (node as Record<string, unknown>)[token] : undefined;
  }
  return node;
}
