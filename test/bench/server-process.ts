/**
 * Child-process entry of the benchmark: runs the WeChat-like server of `../support` so its CPU
 * time is not charged to the client being measured. The parent sends the options over IPC and
 * gets `{ url }` back; the child exits when the parent disconnects.
 */
import { startWechatServer, type WechatServerOptions } from '../support/wechat-server.js';

process.once('message', (options: WechatServerOptions) => {
  startWechatServer({ ...options, recordExchanges: false }).then(
    (server) => {
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
