#!/usr/bin/env node
// The package's bin. It is committed (not built) because npm links a workspace's bins at install
// time and silently skips a target that does not exist yet, such as dist/ before the first build.
import '../dist/bin.js';
