# The sandbox's Python Lambda runtime: runs in the function's own child process, imports the handler
# named by _HANDLER (`module.function`) from LAMBDA_TASK_ROOT, then serves invocations one at a time.
# It talks to the sandbox over fd 3 (newline-delimited JSON); print() and logging travel the same
# channel so they stay in order with the result. Before the handler's module is imported, botocore is
# made to default every client's endpoint to AWS_ENDPOINT_URL (botocore before 1.31 ignores it), so code
# written for AWS reaches the sandbox unmodified. Its data segment is capped (argv[1], bytes): the sandbox
# kills the process past the function's memory size, and the cap stops an allocation faster than that.

import io
import json
import logging
import os
import resource
import signal
import socket
import sys
import threading
import time
import traceback

channel = socket.socket(fileno=3)
reader = channel.makefile("rb")
current_request_id = None

LOG_CHUNK = 64 * 1024


def send(message):
    channel.sendall(json.dumps(message).encode("utf-8") + b"\n")


def send_log(text):
    for i in range(0, len(text), LOG_CHUNK):
        send({"type": "log", "text": text[i : i + LOG_CHUNK]})


class ChannelWriter(io.TextIOBase):
    """sys.stdout / sys.stderr: whole lines become log events, as the AWS runtime sends them."""

    def __init__(self, fd):
        self._fd = fd
        self._pending = ""

    def writable(self):
        return True

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError("write() argument must be str, not %s" % type(text).__name__)
        self._pending += text
        if "\n" in self._pending:
            complete, _, self._pending = self._pending.rpartition("\n")
            send_log(complete + "\n")
        elif len(self._pending) > LOG_CHUNK:
            self.flush()
        return len(text)

    def flush(self):
        if self._pending:
            text, self._pending = self._pending, ""
            send_log(text)

    def isatty(self):
        return False

    def fileno(self):
        return self._fd

    @property
    def encoding(self):
        return "utf-8"


sys.stdout = ChannelWriter(1)
sys.stderr = ChannelWriter(2)


class LambdaLogFormatter(logging.Formatter):
    """`[LEVEL]\t<ISO time>Z\t<request id>\t<message>` as the AWS Python runtime writes it."""

    def format(self, record):
        record.aws_request_id = current_request_id or ""
        stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)) + ".%03dZ" % record.msecs
        text = "[%s]\t%s\t%s\t%s" % (record.levelname, stamp, record.aws_request_id, record.getMessage())
        if record.exc_info:
            text += "\n" + self.formatException(record.exc_info)
        return text


class StderrHandler(logging.StreamHandler):
    """Looks up sys.stderr at each record, so the channel writer receives it."""

    def __init__(self):
        super().__init__()

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, _value):
        pass


_handler = StderrHandler()
_handler.setFormatter(LambdaLogFormatter())
logging.getLogger().addHandler(_handler)


def install_endpoint_shim():
    endpoint = os.environ.get("AWS_ENDPOINT_URL")
    if not endpoint:
        return
    try:
        import botocore.session
    except ImportError:
        return
    original = botocore.session.Session.create_client
    if getattr(original, "_lambda_sandbox", False):
        return

    def create_client(self, service_name, *args, **kwargs):
        if len(args) < 5 and kwargs.get("endpoint_url") is None:
            kwargs["endpoint_url"] = endpoint
        return original(self, service_name, *args, **kwargs)

    create_client._lambda_sandbox = True
    botocore.session.Session.create_client = create_client


def error_body(exc, error_type=None, message=None, stack=None):
    return {
        "errorMessage": message if message is not None else str(exc),
        "errorType": error_type or type(exc).__name__,
        "requestId": current_request_id or "",
        "stackTrace": stack if stack is not None else traceback.format_list(traceback.extract_tb(exc.__traceback__)[1:]),
    }


class InitError(Exception):
    def __init__(self, body):
        super().__init__(body["errorMessage"])
        self.body = body


def load_handler():
    task_root = os.environ["LAMBDA_TASK_ROOT"]
    handler_name = os.environ.get("_HANDLER", "")
    module_path, _, function_name = handler_name.rpartition(".")
    if not module_path or not function_name:
        raise InitError({"errorMessage": "Bad handler '%s': not enough values to unpack (expected 2, got 1)" % handler_name,
                         "errorType": "Runtime.MalformedHandlerName", "requestId": "", "stackTrace": []})
    module_name = module_path.replace("/", ".")
    sys.path.insert(0, task_root)
    try:
        import importlib

        module = importlib.import_module(module_name)
    except SyntaxError as exc:
        raise InitError({"errorMessage": "Syntax error in module '%s': %s" % (module_name, exc),
                         "errorType": "Runtime.UserCodeSyntaxError", "requestId": "", "stackTrace": traceback.format_exception_only(type(exc), exc)})
    except ImportError as exc:
        raise InitError({"errorMessage": "Unable to import module '%s': %s" % (module_name, exc),
                         "errorType": "Runtime.ImportModuleError", "requestId": "", "stackTrace": []})
    except MemoryError:
        raise
    except Exception as exc:
        raise InitError(error_body(exc, stack=traceback.format_list(traceback.extract_tb(exc.__traceback__))))
    handler = getattr(module, function_name, None)
    if handler is None:
        raise InitError({"errorMessage": "Handler '%s' missing on module '%s'" % (function_name, module_name),
                         "errorType": "Runtime.HandlerNotFound", "requestId": "", "stackTrace": []})
    return handler


class LambdaContext:
    def __init__(self, request):
        env = os.environ
        self.function_name = env.get("AWS_LAMBDA_FUNCTION_NAME")
        self.function_version = env.get("AWS_LAMBDA_FUNCTION_VERSION")
        self.invoked_function_arn = request.get("invokedFunctionArn")
        self.memory_limit_in_mb = env.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")
        self.aws_request_id = request["requestId"]
        self.log_group_name = env.get("AWS_LAMBDA_LOG_GROUP_NAME")
        self.log_stream_name = env.get("AWS_LAMBDA_LOG_STREAM_NAME")
        self.identity = None
        self.client_context = request.get("clientContext")
        self._deadline = request["deadline"]

    def get_remaining_time_in_millis(self):
        return max(0, int(self._deadline - time.time() * 1000))


def limit_data(limit):
    resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))


def out_of_memory():
    """malloc failed at the cap: the process ends as AWS ends a function past its memory size."""
    os.kill(os.getpid(), signal.SIGKILL)


def memory_used_mb():
    return -(-resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)


def exit_with_parent():
    """The sandbox gone (even killed) means this environment is gone too, whatever the handler is doing."""
    parent = os.getppid()
    while True:
        time.sleep(1)
        if os.getppid() != parent:
            os._exit(0)


def main():
    global current_request_id
    threading.Thread(target=exit_with_parent, daemon=True).start()
    started = time.perf_counter()
    install_endpoint_shim()
    if len(sys.argv) > 1:
        limit_data(int(sys.argv[1]))
    try:
        handler = load_handler()
    except MemoryError:
        out_of_memory()
    except InitError as exc:
        sys.stdout.write("[ERROR] %s: %s\nTraceback (most recent call last):\n%s\n" % (exc.body["errorType"], exc.body["errorMessage"], "".join(exc.body["stackTrace"])))
        sys.stdout.flush()
        send({"type": "init-error", "error": exc.body, "initMs": (time.perf_counter() - started) * 1000})
        return
    send({"type": "ready", "initMs": (time.perf_counter() - started) * 1000})
    for line in reader:
        request = json.loads(line)
        if request.get("type") != "invoke":
            continue
        current_request_id = request["requestId"]
        os.environ["_X_AMZN_TRACE_ID"] = request.get("traceId") or ""
        try:
            result = handler(json.loads(request["payload"]), LambdaContext(request))
            try:
                payload = json.dumps(result)
            except (TypeError, ValueError) as exc:
                raise InitError({"errorMessage": "Unable to marshal response: %s" % exc, "errorType": "Runtime.MarshalError",
                                 "requestId": current_request_id, "stackTrace": []})
            response = {"type": "result", "requestId": current_request_id, "ok": True, "payload": payload}
        except InitError as exc:
            response = {"type": "result", "requestId": current_request_id, "ok": False, "error": exc.body}
        except MemoryError:
            out_of_memory()
        except Exception as exc:
            body = error_body(exc)
            sys.stdout.write("[ERROR] %s: %s\nTraceback (most recent call last):\n%s" % (body["errorType"], body["errorMessage"], "".join(body["stackTrace"])))
            response = {"type": "result", "requestId": current_request_id, "ok": False, "error": body}
        sys.stdout.flush()
        sys.stderr.flush()
        response["memoryMb"] = memory_used_mb()
        send(response)
        current_request_id = None


main()
