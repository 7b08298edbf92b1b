/**
 * Child-process entry of the benchmark: runs the WeChat-like server of `../support` so its CPU
 * time is not charged to the client being measured. The parent sends the options over IPC and
 * gets `{ url }` back; then `{ grant: out_insurance_no }` messages (the user consents), each
 * answered with `{ granted }`. The child exits when the parent disconnects.
 */
import { startWechatServer, type WechatServerOptions } from '../support/wechat-server.js';

process.once('message', (options: WechatServerOptions) => {
  startWechatServer({ ...options, recordExchanges: false }).then(
    (server) => {
      process.on('message', ({ grant }: { grant: string }) => {
        server.grant(grant);
        process.send?.({ granted: grant });
      });
      process.send?.({ url: server.url });
      process.once('disconnect', () => {
        void server.close().finally(() => process.exit(0));
      });
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
});
