import { describe, expect, it } from 'vitest';
import { docsOf } from '../../src/emit/source-file.js';
import type { TestCase } from '../helpers.js';

const cases: TestCase<(string | undefined)[], string | undefined>[] = [
  ['paragraphs one blank line apart', { given: ['a', 'b'], want: 'a\n\nb' }],
  ['a part ending in a newline adds no blank line', { given: ['a\n', '\nb'], want: 'a\n\nb' }],
  ['runs of blank lines become one', { given: ['a\n\n\n\nb'], want: 'a\n\nb' }],
  ['CRLF and trailing spaces', { given: ['a  \r\n\r\n\r\nb\t'], want: 'a\n\nb' }],
  ['empty parts are left out', { given: [undefined, ' ', 'a'], want: 'a' }],
  ['a comment end is escaped', { given: ['a */ b'], want: 'a *\\/ b' }],
  ['nothing: no doc', { given: [undefined], want: undefined }],
];

describe('docsOf', () => {
  it.each(cases)('%s', (_name, { given, want }) => {
    expect(docsOf(...given)[0]?.description).toEqual(want);
  });
});
