// Module hooks that make `node:crypto` unimportable, like a runtime with only WebCrypto.
export async function resolve(specifier, context, next) {
  if (specifier === 'node:crypto' || specifier === 'crypto') {
    throw new Error('node:crypto is not available in this runtime');
  }
  return next(specifier, context);
}
