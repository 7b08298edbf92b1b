import { errorBody } from '@wechatpay-kit/core/internal';
import type { Simulator } from '../simulator/simulator.js';

const PREFIX = '/__simulator/';

/** What the control routes drive: any product's simulator. */
export type ControlledSimulator = Pick<Simulator, 'now' | 'advanceTime' | 'reset' | 'userActions'>;

/**
 * HTTP control of the simulated user and clock, for clients that cannot call the simulator
 * object: `POST /__simulator/<action>/<id>` for each of the product's user actions (e.g.
 * `sign-contract`, `grant`, `deny` by `out_insurance_no`), `POST /__simulator/advance-time?ms=…`,
 * `POST /__simulator/reset`.
 */
export function controlRoutes(
  sim: ControlledSimulator,
): (request: Request) => Promise<Response | undefined> {
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
        void sim.advanceTime(Number(url.searchParams.get('ms') ?? 0));
        return Response.json({ now: new Date(sim.now()).toISOString() });
      }
      if (action === 'reset') {
        sim.reset();
        return new Response(null, { status: 204 });
      }
      const act = Object.hasOwn(sim.userActions, action) ? sim.userActions[action] : undefined;
      return act
        ? Response.json(act(id))
        : Response.json(errorBody('NOT_FOUND', action), { status: 404 });
    } catch (error) {
      return Response.json(errorBody('INVALID_REQUEST', (error as Error).message), { status: 400 });
    }
  };
}
