import { describe, expect, it } from 'vitest';
import { errorBody } from '../src/protocol/api-error.js';
import { MAX_CLOCK_SKEW_SECONDS, isFreshTimestamp } from '../src/protocol/clock.js';
import {
  escapeToken,
  joinPointer,
  pointerTokens,
  unescapeToken,
} from '../src/protocol/json-pointer.js';
import { createRequestId } from '../src/protocol/request-id.js';
import { toHeaders } from '../src/transport/headers.js';

describe('JSON pointers (RFC 6901)', () => {
  it('escapes ~ before /, and unescapes in the reverse order', () => {
    expect(escapeToken('a/b~c')).toBe('a~1b~0c');
    expect(escapeToken('~1')).toBe('~01');
    expect(unescapeToken('~01')).toBe('~1');
    expect(unescapeToken('a~1b~0c')).toBe('a/b~c');
  });

  it('joins and splits pointers', () => {
    expect(joinPointer('/paths', '/v3/x', 'post')).toBe('/paths/~1v3~1x/post');
    expect(joinPointer('')).toBe('');
    expect(pointerTokens('/paths/~1v3~1x/post')).toEqual(['paths', '/v3/x', 'post']);
    expect(pointerTokens('/')).toEqual(['']);
    expect(pointerTokens('')).toEqual([]);
  });
});

describe('isFreshTimestamp', () => {
  const now = 1_700_000_000_500;
  const seconds = Math.floor(now / 1000);

  it(`accepts up to ${MAX_CLOCK_SKEW_SECONDS} s either way, and no more`, () => {
    expect(isFreshTimestamp(String(seconds), now)).toBe(true);
    expect(isFreshTimestamp(String(seconds - MAX_CLOCK_SKEW_SECONDS), now)).toBe(true);
    expect(isFreshTimestamp(String(seconds + MAX_CLOCK_SKEW_SECONDS), now)).toBe(true);
    expect(isFreshTimestamp(String(seconds - MAX_CLOCK_SKEW_SECONDS - 1), now)).toBe(false);
    expect(isFreshTimestamp(String(seconds + MAX_CLOCK_SKEW_SECONDS + 1), now)).toBe(false);
  });

  it('takes decimal seconds only', () => {
    for (const text of ['', '-1', `${seconds}.0`, ` ${seconds}`, '1e9', 'NaN', `${now}`]) {
      expect(isFreshTimestamp(text, now), text).toBe(false);
    }
  });
});

describe('createRequestId', () => {
  it("has WeChat Pay's shape, with the send counter", () => {
    expect(createRequestId()).toMatch(/^[0-9A-F]{40}-0$/);
    expect(createRequestId(3)).toMatch(/^[0-9A-F]{40}-3$/);
    expect(createRequestId()).not.toBe(createRequestId());
  });
});

describe('errorBody', () => {
  it('has detail only when given', () => {
    expect(errorBody('SYSTEM_ERROR', '系统错误')).toStrictEqual({
      code: 'SYSTEM_ERROR',
      message: '系统错误',
    });
    const detail = { field: '/a', location: 'body', issue: 'missing' };
    expect(errorBody('PARAM_ERROR', '参数错误', detail)).toStrictEqual({
      code: 'PARAM_ERROR',
      message: '参数错误',
      detail,
    });
  });
});

describe('toHeaders', () => {
  it('turns a Node header record into Headers, joining repeats and skipping undefined', () => {
    const headers = toHeaders({
      'wechatpay-nonce': 'abc',
      'x-repeated': ['1', '2'],
      'x-missing': undefined,
    });
    expect([...headers]).toEqual([
      ['wechatpay-nonce', 'abc'],
      ['x-repeated', '1, 2'],
    ]);
  });

  it('passes Headers through', () => {
    const headers = new Headers({ a: 'b' });
    expect(toHeaders(headers)).toBe(headers);
  });
});
