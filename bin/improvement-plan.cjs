#!/usr/bin/env node
// improvement-plan check [files, folders or globs]
require('../dist/cli.cjs');
