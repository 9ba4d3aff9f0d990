#!/usr/bin/env node
// The `lab` command: a thin launcher for the compiled CLI (built by `npm ci` through the prepare script).
import { existsSync } from 'node:fs';
import module from 'node:module';

// Node 22 can cache compiled code between runs, which shortens every start; Node 20 lacks it and skips this.
module.enableCompileCache?.();
// The SDK warns on every run that future versions will need Node 22; students cannot act on that, and Node 20 is supported here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// `lab list | head` closes the pipe early; that is the reader's choice, not an error worth a stack trace.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

const entry = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('lab is not built yet: run `npm run build` (or `npm ci`) in the project folder.\n');
  process.exitCode = 2;
} else {
  const { main } = await import(entry.href);
  process.exitCode = await main(process.argv);
}
