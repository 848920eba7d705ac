// Stand-in for the `debug` package: node-vault's logger would print request bodies
// (login secrets) under DEBUG=node-vault. Nothing in this action may do that.
'use strict';
module.exports = function createDebug() {
  return function debug() {};
};
