import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  __commonJS
} from "./shared-BDLR4YRK.js";

// src/vault/stubs/debug.cjs
var require_debug = __commonJS({
  "src/vault/stubs/debug.cjs"(exports, module) {
    "use strict";
    module.exports = function createDebug() {
      return function debug() {
      };
    };
  }
});

export {
  require_debug
};
//# sourceMappingURL=shared-K2QAIXDX.js.map
