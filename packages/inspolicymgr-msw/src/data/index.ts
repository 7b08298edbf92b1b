export { createDataFactory, chineseName, toChinaTime, type DataFactory } from './factory.js';
export { Random, mulberry32, xmur3 } from './prng.js';
