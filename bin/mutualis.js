#!/usr/bin/env node
// Package entry for the `mutualis` command: runs the TypeScript CLI through tsx's loader.
import { register } from 'tsx/esm/api';
register();
await import('../src/cli/main.ts');
