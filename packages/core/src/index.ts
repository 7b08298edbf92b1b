export {
  BACKUP_BASE_URL,
  DEFAULT_BASE_URL,
  bindOperations,
  createApiClient,
  type ApiClientOptions,
} from './client.js';
export type {
  HttpMethod,
  OperationDescriptor,
  OperationMethod,
  WebhookDescriptor,
} from './operation.js';
