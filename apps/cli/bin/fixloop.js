#!/usr/bin/env node
// The sources are TypeScript without a build step: register tsx, then run the CLI.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
