// Stand-in for mustache inside the bundle: node-vault requires it when it loads, but only
// its generated commands render path templates, and this action calls read, list and
// write only. Reaching this is a bug, so it throws.
'use strict';
function unavailable() {
  throw new Error('internal: node-vault tried to use mustache; only read, list and write are supported');
}
module.exports = { render: unavailable };
