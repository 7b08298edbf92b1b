import type { components } from '@wechatpay-kit/inspolicymgr';

// The spec's request and answer bodies, named as in the spec, for the simulator and the data factory.
type Schemas = components['schemas'];
export type SubmitAuthorizationRequest = Schemas['SubmitAuthorizationRequest'];
export type Authorization = Schemas['Authorization'];
export type AuthorizationDetail = Schemas['AuthorizationDetail'];
export type UploadPolicyRequest = Schemas['UploadPolicyRequest'];
export type UpdatePolicyRequest = Schemas['UpdatePolicyRequest'];
export type Policy = Schemas['Policy'];
export type BindContractRequest = Schemas['BindContractRequest'];
