// Module resolve hook: adds the `@wechatpay-kit/source` export condition to every import.
export async function resolve(specifier, context, nextResolve) {
  return nextResolve(specifier, {
    ...context,
    conditions: [...context.conditions, '@wechatpay-kit/source'],
  });
}
