// The sandbox's Node.js Lambda runtime: runs in the function's own child process, loads the handler
// named by _HANDLER from LAMBDA_TASK_ROOT, then serves invocations one at a time. It talks to the
// sandbox over fd 3 (newline-delimited JSON); the handler's console output travels the same channel so
// it stays in order with the result.

import { Socket } from 'node:net';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { pathToFileURL } from 'node:url';
import { register } from 'node:module';
import { createInterface } from 'node:readline';

const channel = new Socket({ fd: 3, readable: true, writable: true });
const send = (message) => channel.write(JSON.stringify(message) + '\n');
// The sandbox gone (even killed) means this environment is gone too, whatever the handler is doing.
channel.on('close', () => process.exit(0));
channel.on('error', () => process.exit(0));

// Log frames are split so no single line the sandbox reads grows without bound.
const LOG_CHUNK = 64 * 1024;
function sendLog(text) {
  for (let i = 0; i < text.length; i += LOG_CHUNK) send({ type: 'log', text: text.slice(i, i + LOG_CHUNK) });
}

let currentRequestId;

// console.* as AWS formats it: `<ISO time>\t<request id>\t<LEVEL>\t<message>`, one event per call.
for (const [method, level] of [['log', 'INFO'], ['info', 'INFO'], ['warn', 'WARN'], ['error', 'ERROR'], ['debug', 'DEBUG'], ['trace', 'TRACE']]) {
  console[method] = (...args) => sendLog(`${new Date().toISOString()}\t${currentRequestId ?? 'undefined'}\t${level}\t${format(...args)}\n`);
}
for (const stream of [process.stdout, process.stderr]) {
  stream.write = (chunk, encoding, callback) => {
    sendLog(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    const done = typeof encoding === 'function' ? encoding : callback;
    if (done) process.nextTick(done);
    return true;
  };
}

// In AWS the SDK v3 sits in the runtime's own node_modules; here it is the sandbox's. NODE_PATH serves
// require(); ESM imports ignore NODE_PATH, so a resolve hook retries bare specifiers from there.
const sdkParent = process.env.LAMBDA_SANDBOX_SDK_PARENT;
if (sdkParent) {
  const hook = `
    export async function resolve(specifier, context, next) {
      try { return await next(specifier, context); }
      catch (err) {
        if (err?.code !== 'ERR_MODULE_NOT_FOUND' || /^(\\.|\\/|[a-z]+:)/i.test(specifier)) throw err;
        return next(specifier, { ...context, parentURL: ${JSON.stringify(pathToFileURL(join(sdkParent, 'index.js')).href)} });
      }
    }`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
}

function describeError(err) {
  if (err instanceof Error) {
    return { errorType: err.name || err.constructor?.name || 'Error', errorMessage: err.message, trace: String(err.stack ?? '').split('\n') };
  }
  return { errorType: typeof err, errorMessage: typeof err === 'string' ? err : JSON.stringify(err) ?? String(err), trace: [] };
}

async function loadHandler() {
  const taskRoot = process.env.LAMBDA_TASK_ROOT;
  const handlerName = process.env._HANDLER ?? '';
  // AWS's runtime refuses a handler that climbs out of the task root, in these words.
  if (handlerName.includes('..')) {
    throw Object.assign(new Error(`'${handlerName}' is not a valid handler name. Use absolute paths when specifying root directories in handler names.`), { name: 'Runtime.MalformedHandlerName' });
  }
  const dot = handlerName.lastIndexOf('.');
  const modulePath = dot > 0 ? handlerName.slice(0, dot) : handlerName;
  const functionName = dot > 0 ? handlerName.slice(dot + 1) : '';
  if (!modulePath || !functionName) {
    throw Object.assign(new Error(`Bad handler ${handlerName}: missing module or function name`), { name: 'Runtime.MalformedHandlerName' });
  }
  const file = ['.js', '.mjs', '.cjs'].map((ext) => join(taskRoot, modulePath + ext)).find((candidate) => existsSync(candidate));
  if (!file) {
    throw Object.assign(new Error(`Error: Cannot find module '${modulePath}'\nRequire stack:\n- /var/runtime/index.mjs`), { name: 'Runtime.ImportModuleError' });
  }
  let module;
  try {
    module = await import(pathToFileURL(file).href);
  } catch (err) {
    if (err instanceof SyntaxError) throw Object.assign(new Error(`${err.name}: ${err.message}`), { name: 'Runtime.UserCodeSyntaxError', stack: err.stack });
    if (err?.code === 'ERR_MODULE_NOT_FOUND' || err?.code === 'MODULE_NOT_FOUND') {
      throw Object.assign(new Error(`Error: ${err.message}`), { name: 'Runtime.ImportModuleError', stack: err.stack });
    }
    throw err;
  }
  // A CommonJS module's exports arrive as `default`; named exports only when Node could detect them.
  const handler = module[functionName] ?? module.default?.[functionName];
  if (typeof handler !== 'function') {
    throw Object.assign(new Error(`${modulePath}.${functionName} is undefined or not exported`), { name: 'Runtime.HandlerNotFound' });
  }
  return handler;
}

function makeContext(request) {
  const env = process.env;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: env.AWS_LAMBDA_FUNCTION_VERSION,
    invokedFunctionArn: request.invokedFunctionArn,
    memoryLimitInMB: env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    awsRequestId: request.requestId,
    logGroupName: env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: env.AWS_LAMBDA_LOG_STREAM_NAME,
    identity: undefined,
    clientContext: request.clientContext,
    getRemainingTimeInMillis: () => Math.max(0, request.deadline - Date.now()),
  };
}

/** Runs the handler in either style: a returned promise, or the callback (event, context, callback). */
function runHandler(handler, event, context) {
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (err, value) => {
      if (settled) return;
      settled = true;
      if (err !== undefined && err !== null) reject(err);
      else resolve(value);
    };
    context.done = finish;
    context.succeed = (value) => finish(null, value);
    context.fail = (err) => finish(err ?? new Error('handled'));
    try {
      const returned = handler(event, context, finish);
      if (returned && typeof returned.then === 'function') returned.then((value) => finish(null, value), (err) => finish(err ?? new Error('Rejected with no reason')));
      else if (handler.length < 3) finish(null, returned);
    } catch (err) {
      finish(err);
    }
  });
}

function memoryUsedMb() {
  return Math.ceil(process.memoryUsage.rss() / (1024 * 1024));
}

const initStarted = performance.now();
let handler;
try {
  handler = await loadHandler();
  send({ type: 'ready', initMs: performance.now() - initStarted });
} catch (err) {
  const error = describeError(err);
  console.error(`${new Date().toISOString()}\tundefined\tERROR\tUncaught Exception \t${JSON.stringify(error)}`);
  send({ type: 'init-error', error, initMs: performance.now() - initStarted });
}

// A rejection or exception outside the handler's own promise chain fails the invocation, as in AWS.
let failCurrent;
const outsideInvocation = (err) => console.error('Uncaught Exception', JSON.stringify(describeError(err)));
process.on('uncaughtException', (err) => (failCurrent ? failCurrent(err) : outsideInvocation(err)));
process.on('unhandledRejection', (err) => (failCurrent ? failCurrent(err) : outsideInvocation(err)));

const lines = createInterface({ input: channel, crlfDelay: Infinity });
for await (const line of lines) {
  const request = JSON.parse(line);
  if (request.type !== 'invoke' || !handler) continue;
  currentRequestId = request.requestId;
  process.env._X_AMZN_TRACE_ID = request.traceId ?? '';
  let response;
  try {
    const event = JSON.parse(request.payload);
    const outcome = await Promise.race([
      runHandler(handler, event, makeContext(request)),
      new Promise((_, reject) => (failCurrent = reject)),
    ]);
    response = { type: 'result', requestId: request.requestId, ok: true, payload: JSON.stringify(outcome) ?? 'null' };
  } catch (err) {
    const error = describeError(err);
    sendLog(`${new Date().toISOString()}\t${currentRequestId}\tERROR\tInvoke Error \t${JSON.stringify(error)}\n`);
    response = { type: 'result', requestId: request.requestId, ok: false, error };
  }
  failCurrent = undefined;
  response.memoryMb = memoryUsedMb();
  send(response);
  currentRequestId = undefined;
}
process.exit(0);
