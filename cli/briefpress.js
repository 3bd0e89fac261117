#!/usr/bin/env -S NODE_EXTRA_CA_CERTS= node
// `npx briefpress` and `npm exec briefpress` land here, through node_modules/.bin (see
// cli/package.json): the project's own launcher, in place, with nothing installed.
import "../bin/briefpress.js";
