import { createRequestId } from '@wechatpay-kit/core/internal';
import { encryptNotification, signAsWechatpay } from '@wechatpay-kit/core/testing';
import { toWechatTime } from '../wechat-time.js';

/** Where and how the simulator delivers callbacks. */
export interface NotifyOptions {
  /** The merchant's 32-character APIv3 key: the callback `resource` is sealed with it. */
  apiV3Key: string;
  /** A function that answers the callback `Request`, or a URL the simulator POSTs to with `fetch`. */
  target: ((request: Request) => Promise<Response> | Response) | string;
}

/**
 * WeChat Pay's documented re-send schedule for this callback: the delay before each send after
 * the previous one (the first goes out at once); at most 10 sends.
 */
export const NOTIFICATION_RETRY_DELAYS_MS: readonly number[] = [
  0, 15, 15, 30, 180, 1800, 1800, 1800, 1800, 3600,
].map((seconds) => seconds * 1000);

/** The URL a function target's `Request` carries (a function target has no URL of its own). */
export const FUNCTION_TARGET_URL = 'https://merchant.example/wechatpay/notify';

/** One send of a callback. */
export interface NotificationAttempt {
  /** Simulator time (ms) the send was due and made at. */
  time: number;
  /** The merchant's HTTP status; absent when the target threw or the network failed. */
  status?: number;
  /** The thrown error's message, when there was no answer. */
  error?: string;
}

/** One callback and its delivery so far. */
export interface NotificationDelivery {
  /** The notification `id` (a UUID), the same on every re-send. */
  id: string;
  eventType: string;
  /** The decrypted resource. */
  resource: Record<string, unknown>;
  /** `pending` while re-sends remain; `delivered` after a 200/204; `failed` after 10 failed sends. */
  state: 'pending' | 'delivered' | 'failed';
  attempts: NotificationAttempt[];
  /** Simulator time (ms) of the next send while `pending`. */
  nextAttemptAt?: number;
}

export interface SimulatorNotifier {
  /** Queues a callback and starts its first send. */
  notify(eventType: string, summary: string, resource: Record<string, unknown>): void;
  /** Starts the sends that are due on the simulator clock; resolves once they are all answered. */
  runDue(): Promise<void>;
  /** Resolves when no send is in flight (re-sends not yet due stay queued). */
  flush(): Promise<void>;
  /** Copies of every callback and its attempts, oldest first. */
  deliveries(): NotificationDelivery[];
  clear(): void;
}

export interface NotifierOptions {
  notify?: NotifyOptions | undefined;
  wechatpay: { publicKeyId: string; privateKey: string };
  now: () => number;
}

interface Entry {
  delivery: NotificationDelivery;
  body: string;
  generation: number;
}

/** Delivers callbacks signed and sealed like WeChat Pay's, re-sending on the simulator clock. */
export function createNotifier(options: NotifierOptions): SimulatorNotifier {
  if (options.notify && new TextEncoder().encode(options.notify.apiV3Key).length !== 32) {
    throw new Error('notify.apiV3Key: expected the 32-character APIv3 key');
  }
  const entries: Entry[] = [];
  const inFlight = new Map<Entry, Promise<void>>();
  let generation = 0;

  const send = async (entry: Entry, time: number): Promise<NotificationAttempt> => {
    const target = options.notify!.target;
    const headers = {
      ...(await signAsWechatpay(entry.body, {
        privateKey: options.wechatpay.privateKey,
        serial: options.wechatpay.publicKeyId,
        now: options.now(),
      })),
      'Content-Type': 'application/json',
      'Request-ID': createRequestId(entry.delivery.attempts.length),
    };
    try {
      const response =
        typeof target === 'string'
          ? await fetch(target, {
              method: 'POST',
              headers,
              body: entry.body,
              signal: AbortSignal.timeout(5000),
            })
          : await target(
              new Request(FUNCTION_TARGET_URL, { method: 'POST', headers, body: entry.body }),
            );
      await response.body?.cancel().catch(() => {});
      return { time, status: response.status };
    } catch (error) {
      return { time, error: error instanceof Error ? error.message : String(error) };
    }
  };

  // Sends an entry's due attempts one after the other (a clock jump can make several due).
  const deliver = async (entry: Entry): Promise<void> => {
    const delivery = entry.delivery;
    while (
      delivery.state === 'pending' &&
      delivery.nextAttemptAt !== undefined &&
      delivery.nextAttemptAt <= options.now()
    ) {
      const attempt = await send(entry, delivery.nextAttemptAt);
      if (entry.generation !== generation) {
        return; // cleared meanwhile
      }
      delivery.attempts.push(attempt);
      const count = delivery.attempts.length;
      if (attempt.status === 200 || attempt.status === 204) {
        delivery.state = 'delivered';
        delete delivery.nextAttemptAt;
      } else if (count >= NOTIFICATION_RETRY_DELAYS_MS.length) {
        delivery.state = 'failed';
        delete delivery.nextAttemptAt;
      } else {
        delivery.nextAttemptAt = attempt.time + NOTIFICATION_RETRY_DELAYS_MS[count]!;
      }
    }
  };

  const start = (entry: Entry): Promise<void> => {
    const running = inFlight.get(entry);
    if (running) {
      return running;
    }
    const promise = deliver(entry).finally(() => inFlight.delete(entry));
    inFlight.set(entry, promise);
    return promise;
  };

  const runDue = async (): Promise<void> => {
    const now = options.now();
    await Promise.all(
      entries
        .filter(
          ({ delivery }) =>
            delivery.state === 'pending' &&
            delivery.nextAttemptAt !== undefined &&
            delivery.nextAttemptAt <= now,
        )
        .map(start),
    );
  };

  return {
    notify(eventType, summary, resource) {
      if (!options.notify) {
        return;
      }
      const id = crypto.randomUUID();
      const now = options.now();
      const entry: Entry = {
        delivery: {
          id,
          eventType,
          resource: structuredClone(resource),
          state: 'pending',
          attempts: [],
          nextAttemptAt: now,
        },
        body: '',
        generation,
      };
      entries.push(entry);
      const sealed = encryptNotification({
        apiV3Key: options.notify.apiV3Key,
        eventType,
        payload: resource,
        originalType: originalTypeOf(eventType),
        summary,
        id,
        createTime: toWechatTime(now),
      }).then(
        (body) => {
          entry.body = body;
        },
        (error: unknown) => {
          entry.delivery.state = 'failed';
          delete entry.delivery.nextAttemptAt;
          entry.delivery.attempts.push({ time: now, error: String(error) });
        },
      );
      const promise = sealed.then(() => deliver(entry)).finally(() => inFlight.delete(entry));
      inFlight.set(entry, promise);
    },
    runDue,
    async flush() {
      while (inFlight.size > 0) {
        await Promise.all(inFlight.values());
      }
    },
    deliveries: () =>
      entries.map(({ delivery }) => ({
        ...structuredClone(delivery),
      })),
    clear() {
      generation += 1;
      entries.length = 0;
      inFlight.clear();
    },
  };
}

/** `INSURANCE_POLICY_MANAGEMENT.GRANTED` → `insurance_policy_management`, as WeChat Pay names it. */
function originalTypeOf(eventType: string): string {
  return (eventType.split('.')[0] ?? eventType).toLowerCase();
}
