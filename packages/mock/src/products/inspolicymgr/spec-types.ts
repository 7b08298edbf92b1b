// The spec's request and answer bodies the simulator and the data factory work with, under the
// names the client package exports them by.
export type {
  Authorization,
  AuthorizationDetail,
  BindContractRequest,
  Policy,
  SubmitAuthorizationRequest,
  UpdatePolicyRequest,
  UploadPolicyRequest,
} from '@wechatpay-kit/inspolicymgr';
