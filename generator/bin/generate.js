#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so the generator needs no build step.
import { register } from 'node:module';
import { register as registerTsx } from 'tsx/esm/api';

registerTsx();
// The workspace packages the generator imports (core's JSON-pointer helpers) are read from
// source too, through their `@wechatpay-kit/source` export condition: no build needed first.
register('./source-condition.js', import.meta.url);
await import('../src/cli.ts');
