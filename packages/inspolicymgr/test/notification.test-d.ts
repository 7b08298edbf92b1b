import { describe, expectTypeOf, it } from 'vitest';
import {
  parseNotification,
  type AuthState,
  type InspolicymgrNotification,
  type components,
} from '../src/index.js';

declare const request: Request;
declare const options: Parameters<typeof parseNotification>[1];

describe('callback events', () => {
  it('event_type narrows resource to its decrypted type', async () => {
    const event = await parseNotification(request, options);
    expectTypeOf(event).toEqualTypeOf<InspolicymgrNotification>();
    if (event.event_type === 'INSURANCE_POLICY_MANAGEMENT.GRANTED') {
      expectTypeOf(event.resource).toEqualTypeOf<
        components['schemas']['GrantedNotificationResource']
      >();
      expectTypeOf(event.resource.auth_state).toEqualTypeOf<AuthState>();
      // @ts-expect-error: the resource has no such field; a typo does not compile
      void event.resource.typo;
    } else {
      expectTypeOf(
        event.event_type,
      ).toEqualTypeOf<'INSURANCE_POLICY_MANAGEMENT.PENDING_UPLOAD_QUERY'>();
      expectTypeOf(event.resource).toEqualTypeOf<
        components['schemas']['PendingUploadQueryNotificationResource']
      >();
      expectTypeOf(event.resource.out_insurance_no).toEqualTypeOf<string>();
      // @ts-expect-error: the resource has no such field; a typo does not compile
      void event.resource.out_insurance_number;
    }
    // @ts-expect-error: not an event type of this API
    if (event.event_type === 'TRANSACTION.SUCCESS') {
      void event;
    }
  });
});
