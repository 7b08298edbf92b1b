import { errorBody } from '@wechatpay-kit/core/internal';
import type { InspolicymgrSimulator } from '../products/inspolicymgr/simulator.js';

const PREFIX = '/__simulator/';

/**
 * HTTP control of the simulated user and clock, for clients that cannot call the simulator
 * object: `POST /__simulator/{sign-contract|grant|deny}/{out_insurance_no}`,
 * `POST /__simulator/advance-time?ms=…`, `POST /__simulator/reset`.
 */
export function controlRoutes(
  sim: InspolicymgrSimulator,
): (request: Request) => Promise<Response | undefined> {
  const actions: Record<string, (id: string) => unknown> = {
    'sign-contract': (id) => sim.signContract(id),
    grant: (id) => sim.grantAuthorization(id),
    deny: (id) => sim.denyAuthorization(id),
  };
  return async (request) => {
    const url = new URL(request.url);
    if (!url.pathname.startsWith(PREFIX) || request.method !== 'POST') {
      return undefined;
    }
    const [action = '', id = ''] = url.pathname
      .slice(PREFIX.length)
      .split('/')
      .map(decodeURIComponent);
    try {
      if (action === 'advance-time') {
        sim.advanceTime(Number(url.searchParams.get('ms') ?? 0));
        return Response.json({ now: new Date(sim.now()).toISOString() });
      }
      if (action === 'reset') {
        sim.reset();
        return new Response(null, { status: 204 });
      }
      const act = actions[action];
      return act
        ? Response.json(act(id))
        : Response.json(errorBody('NOT_FOUND', action), { status: 404 });
    } catch (error) {
      return Response.json(errorBody('INVALID_REQUEST', (error as Error).message), { status: 400 });
    }
  };
}
