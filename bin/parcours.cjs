#!/usr/bin/env node
// CommonJS: Node starts it without setting up its ES module loader (scripts/bundle-cli.ts).
require('../lib/launch.cjs');
