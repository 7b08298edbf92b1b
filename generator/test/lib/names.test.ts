import { describe, expect, it } from 'vitest';
import {
  camelCaseName,
  constantCaseName,
  pascalCaseName,
  uniqueNames,
} from '../../src/lib/names.js';

describe('names', () => {
  it.each([
    ['uploadPolicy', 'uploadPolicy'],
    ['meta/root', 'metaRoot'],
    ['repos/get-content', 'reposGetContent'],
    ['get /v3/x', 'getV3X'],
    ['2fa/enable', '_2faEnable'],
    ['///', 'operation'],
  ])('camelCaseName(%j) is %j', (given, want) => {
    expect(camelCaseName(given)).toBe(want);
  });

  it.each([
    ['Policy', 'Policy'],
    ['simple-user', 'SimpleUser'],
    ['Policy.v2', 'PolicyV2'],
    ['string', 'String'],
    ['delete', 'Delete'],
    ['1-thing', '_1Thing'],
  ])('pascalCaseName(%j) is %j', (given, want) => {
    expect(pascalCaseName(given)).toBe(want);
  });

  it.each([
    ['AUTH_STATE_INIT', 'AUTH_STATE_INIT'],
    ['in-progress', 'IN_PROGRESS'],
    ['+1', '_1'],
    ['', 'EMPTY'],
  ])('constantCaseName(%j) is %j', (given, want) => {
    expect(constantCaseName(given)).toBe(want);
  });

  it('numbers later clashes, with each other and with taken names, the same every time', () => {
    const wanted = ['aB', 'aB', 'taken', 'aB'];
    expect(uniqueNames(wanted, ['taken'])).toEqual(['aB', 'aB2', 'taken2', 'aB3']);
    expect(uniqueNames(wanted, ['taken'])).toEqual(uniqueNames(wanted, ['taken']));
    expect(uniqueNames(['X', 'X'], [], '_')).toEqual(['X', 'X_2']);
  });
});
