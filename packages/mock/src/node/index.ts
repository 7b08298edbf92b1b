export { controlRoutes, type ControlledSimulator } from './control-routes.js';
export {
  startMockHttpServer,
  type MockHttpServer,
  type MockHttpServerOptions,
} from './http-server.js';
