// Stand-in for axios inside the bundle: node-vault only uses axios when no transport
// is given, and we always give one. Reaching this is a bug, so it throws.
'use strict';
function unavailable() {
  throw new Error('internal: node-vault tried to use axios; a transport must be passed');
}
module.exports = { create: unavailable };
