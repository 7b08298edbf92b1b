import { PROBE_SIGNATURE_PREFIX } from '@wechatpay-kit/core/internal';
import { signAsWechatpay } from '@wechatpay-kit/core/testing';

/** An error answer with any status and WeChat Pay error code (sent unsigned, like WeChat's). */
export interface StatusFault {
  status: number;
  code: string;
  message: string;
  detail?: unknown;
}
/** A real (wall-clock) delay before the answer. */
export interface LatencyFault {
  latencyMs: number;
}
/**
 * A broken signature on a 2xx answer: a `WECHATPAY/SIGNTEST/` probe, a signature over other
 * bytes, a timestamp 10 minutes behind the simulator clock, or no `Wechatpay-*` headers at all.
 */
export interface SignatureFault {
  signature: 'probe' | 'tampered' | 'stale-timestamp' | 'unsigned';
}
/** A dropped connection (MSW's `HttpResponse.error()`, a network error for the client). */
export interface DropFault {
  drop: true;
}
export type SimulatorFault = StatusFault | LatencyFault | SignatureFault | DropFault;

export interface FaultScope {
  /** Only this operation (`uploadPolicy`, …); default every operation. */
  operationId?: string;
  /** Only the next `times` matching requests; default every one until `clearFaults()`. */
  times?: number;
}

/** How far a `stale-timestamp` fault moves `Wechatpay-Timestamp` back. */
export const STALE_TIMESTAMP_OFFSET_MS = 10 * 60 * 1000;

interface Injected {
  fault: SimulatorFault;
  operationId: string | undefined;
  remaining: number;
}

/** The faults that apply to one request, combined. */
export interface PlannedFaults {
  latencyMs: number;
  drop: boolean;
  status?: StatusFault;
  signature?: SignatureFault['signature'];
}

export interface FaultRegistry {
  inject(fault: SimulatorFault, scope?: FaultScope): void;
  clear(): void;
  /** The faults matching a request to `operationId`; each uses up one of its `times`. */
  take(operationId: string): PlannedFaults;
}

export function createFaultRegistry(): FaultRegistry {
  let injected: Injected[] = [];
  return {
    inject(fault, scope = {}) {
      checkFault(fault);
      const times = scope.times ?? Infinity;
      if (!(times > 0)) {
        throw new Error(`inject: times must be a positive number, got ${scope.times}`);
      }
      injected.push({ fault, operationId: scope.operationId, remaining: times });
    },
    clear() {
      injected = [];
    },
    take(operationId) {
      const plan: PlannedFaults = { latencyMs: 0, drop: false };
      for (const entry of injected) {
        if (entry.operationId !== undefined && entry.operationId !== operationId) {
          continue;
        }
        entry.remaining -= 1;
        const fault = entry.fault;
        if ('latencyMs' in fault) {
          plan.latencyMs += fault.latencyMs;
        } else if ('drop' in fault) {
          plan.drop = true;
        } else if ('status' in fault) {
          plan.status ??= fault;
        } else {
          plan.signature ??= fault.signature;
        }
      }
      injected = injected.filter((entry) => entry.remaining > 0);
      return plan;
    },
  };
}

function checkFault(fault: SimulatorFault): void {
  if ('latencyMs' in fault) {
    if (!Number.isFinite(fault.latencyMs) || fault.latencyMs < 0) {
      throw new Error(`inject: latencyMs must be a non-negative number, got ${fault.latencyMs}`);
    }
  } else if ('status' in fault) {
    if (!Number.isInteger(fault.status) || fault.status < 100 || fault.status > 599) {
      throw new Error(`inject: status must be an HTTP status, got ${fault.status}`);
    }
  } else if (!('drop' in fault) && !('signature' in fault)) {
    throw new Error('inject: unknown fault');
  }
}

export const delay = (ms: number) =>
  ms > 0 ? new Promise<void>((resolve) => setTimeout(resolve, ms)) : Promise.resolve();

/** `response` with its signature broken as `kind` says; non-2xx answers are returned unchanged. */
export async function breakSignature(
  response: Response,
  kind: SignatureFault['signature'],
  signer: { serial: string; privateKey: string; now: number },
): Promise<Response> {
  if (response.status < 200 || response.status >= 300) {
    return response;
  }
  const text = await response.text();
  const headers = new Headers(response.headers);
  switch (kind) {
    case 'unsigned':
      for (const name of [...headers.keys()]) {
        if (name.toLowerCase().startsWith('wechatpay-')) {
          headers.delete(name);
        }
      }
      break;
    case 'probe': {
      const noise = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(48))));
      headers.set('Wechatpay-Signature', PROBE_SIGNATURE_PREFIX + noise);
      break;
    }
    case 'tampered': {
      // A well-formed signature by the right key, over other bytes.
      const other = await signAsWechatpay(`${text}tampered`, signer);
      headers.set('Wechatpay-Signature', other['Wechatpay-Signature']!);
      break;
    }
    case 'stale-timestamp': {
      const stale = await signAsWechatpay(text, {
        ...signer,
        now: signer.now - STALE_TIMESTAMP_OFFSET_MS,
      });
      for (const [name, value] of Object.entries(stale)) {
        headers.set(name, value);
      }
      break;
    }
  }
  return new Response(text || null, { status: response.status, headers });
}
