// Stand-in for tv4 inside the bundle: node-vault requires its JSON-schema validator when
// it loads, to check request options (client.ts hands it an equivalent check) and the
// arguments of its generated commands, which this action never calls (it uses read,
// list and write). Keeping the real one out saves its load on every start; reaching
// this is a bug, so it throws.
'use strict';
function unavailable() {
  throw new Error('internal: node-vault tried to use tv4; only read, list and write are supported');
}
module.exports = { validate: unavailable };
