/**
 * `listen` options that make a request no handler takes an error, under msw 2
 * (`onUnhandledRequest`) and msw 3 (`onUnhandledFrame`; it ignores the msw 2 name).
 */
export const UNHANDLED_IS_ERROR = {
  onUnhandledRequest: 'error',
  onUnhandledFrame: 'error',
} as const;
