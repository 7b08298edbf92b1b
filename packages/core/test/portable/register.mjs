import { register } from 'node:module';

register('./block-node-crypto.mjs', import.meta.url);
