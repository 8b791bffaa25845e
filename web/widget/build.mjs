// Builds dist/ms-chat-widget.js: socket.io-client (kept private, no global `io`) and our widget
// in one file, plus a gzip copy the web app serves to browsers that accept it. No dependencies.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const here = new URL(".", import.meta.url);
const read = (path) => readFileSync(new URL(path, here), "utf8");

const sioVersion = JSON.parse(read("node_modules/socket.io-client/package.json")).version;
const sio = read("node_modules/socket.io-client/dist/socket.io.min.js")
  .replace(/\n\/\/# sourceMappingURL=\S+\s*$/, "\n");
const css = read("src/widget.css");
const widget = read("src/widget.js");
if (!widget.includes('"__WIDGET_CSS__"')) throw new Error("src/widget.js lost its CSS placeholder");

const bundle = `/*! MS trial finder chat widget. Includes Socket.IO client v${sioVersion} (MIT). */
(function () {
var script = document.currentScript || document.querySelector('script[src*="ms-chat-widget"]');
// socket.io-client's UMD wrapper sees this CommonJS-like scope and leaves the page's globals alone.
var module = { exports: {} }, exports = module.exports, define;
${sio}
${widget.replace('"__WIDGET_CSS__"', () => JSON.stringify(css))}
function start() {
  var api = startWidget(module.exports, script);
  if (api) window.msTrialsChat = api;
}
if (document.body) start(); else document.addEventListener("DOMContentLoaded", start);
})();
`;

mkdirSync(new URL("dist/", here), { recursive: true });
const gz = gzipSync(bundle, { level: 9 });
writeFileSync(new URL("dist/ms-chat-widget.js", here), bundle);
writeFileSync(new URL("dist/ms-chat-widget.js.gz", here), gz);
const kb = (n) => (n / 1024).toFixed(1);
const size = Buffer.byteLength(bundle);
console.log(`dist/ms-chat-widget.js: ${kb(size)} KB (${kb(gz.length)} KB gzipped), ` +
  `socket.io-client ${sioVersion}`);
