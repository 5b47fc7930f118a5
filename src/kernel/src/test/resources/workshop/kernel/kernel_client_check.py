"""Drives the installed "java" kernel through jupyter_client, the library every Jupyter front end
uses, and prints PASS/FAIL per behaviour. Run by JupyterIT with JUPYTER_PATH set."""
import sys
import time
from queue import Empty

from jupyter_client.manager import start_new_kernel

results = []


def check(name, condition, detail=""):
    results.append(condition)
    print(("PASS " if condition else "FAIL ") + name + ("" if condition else ": " + str(detail)), flush=True)


def run(client, code, timeout=60, during=None):
    """Executes code; returns (reply content, list of iopub messages for it)."""
    msg_id = client.execute(code)
    if during:
        during()
    outputs = []
    deadline = time.monotonic() + timeout
    while True:
        try:
            msg = client.get_iopub_msg(timeout=max(0.1, deadline - time.monotonic()))
        except Empty:
            raise AssertionError("no idle status within %ss for: %s" % (timeout, code))
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
        outputs.append(msg)
    reply = client.get_shell_msg(timeout=timeout)
    return reply["content"], outputs


def text(outputs, kind="execute_result"):
    return "".join(m["content"]["data"].get("text/plain", "") for m in outputs if m["msg_type"] == kind)


def stream(outputs):
    return "".join(m["content"]["text"] for m in outputs if m["msg_type"] == "stream")


def error(outputs):
    errors = [m["content"] for m in outputs if m["msg_type"] == "error"]
    return errors[0] if errors else {"ename": None, "evalue": None, "traceback": []}


def main():
    manager, client = start_new_kernel(kernel_name="java", startup_timeout=60)
    try:
        info = client.kernel_info(reply=True)["content"]
        check("kernel_info names the language java", info["language_info"]["name"] == "java", info)

        reply, out = run(client, "int x = 41;\nSystem.out.println(\"hello ü\");\nx + 1")
        check("last expression is the result", text(out) == "42", out)
        check("stdout streams back in UTF-8", stream(out) == "hello ü\n", stream(out))

        reply, out = run(client, "x")
        check("variables persist across cells", text(out) == "41", out)

        reply, out = run(client, "int y = ;\nx = 0;")
        err = error(out)
        check("syntax error is a CompilationException", err["ename"] == "CompilationException", err)
        reply, out = run(client, "x")
        check("the rest of a failing cell does not run", text(out) == "41", out)

        reply, out = run(client, "throw new IllegalArgumentException(\"nope\");")
        err = error(out)
        check("exception is an EvalException with the message",
              err["ename"] == "EvalException" and "IllegalArgumentException: nope" in err["evalue"], err)
        check("traceback has no kernel internals",
              not any("workshop.kernel" in line or "jdk.jshell" in line for line in err["traceback"]), err)

        reply, out = run(client, "System.exit(1);")
        err = error(out)
        check("System.exit is refused with a clear error", "System.exit(1) was not run" in (err["evalue"] or ""), err)
        reply, out = run(client, "x")
        check("kernel alive after System.exit", text(out) == "41", out)

        reply, out = run(client, "long spins = 0;\nwhile (true) { spins++; }", during=lambda: (time.sleep(1.5), manager.interrupt_kernel()))
        err = error(out)
        check("interrupt stops an endless loop", reply["status"] == "error" and "nterrupt" in (err["evalue"] or ""), err)
        reply, out = run(client, "x + 1")
        check("kernel alive after interrupt", text(out) == "42", out)

        reply, out = run(client, "for (int i = 0; i < 300000; i++) System.out.println(\"line \" + i);")
        printed = stream(out)
        check("huge output is truncated with a note", "output truncated" in printed and len(printed) < 1_100_000,
              len(printed))
        reply, out = run(client, "x")
        check("kernel alive after huge output", text(out) == "41", out)

        reply, out = run(client, "\"y\".repeat(5_000_000)")
        value = text(out)
        check("a huge value is truncated with a note", "value truncated" in value and len(value) < 1_100_000, len(value))

        reply, out = run(client, "%jars no/such/folder/*.jar")
        err = error(out)
        check("%jars names the missing path", "no/such/folder" in (err["evalue"] or "") and "looked in" in err["evalue"], err)

        reply, out = run(client, "display(\"<b>hi</b>\", \"text/html\");\nrender(\"# Title\", \"text/markdown\")")
        html = [m for m in out if m["msg_type"] == "display_data" and "text/html" in m["content"]["data"]]
        md = [m for m in out if m["msg_type"] == "execute_result" and "text/markdown" in m["content"]["data"]]
        check("display and render send rich MIME types", bool(html) and bool(md), out)

        code = "int n = 1;\n\"abc\".toUpp"
        client.complete(code, len(code))
        matches = client.get_shell_msg(timeout=30)["content"].get("matches", [])
        check("completion suggests methods", any(m.startswith("toUpperCase") for m in matches), matches)

        client.is_complete("void f() {")
        status = client.get_shell_msg(timeout=30)["content"]["status"]
        check("is_complete sees an open block", status == "incomplete", status)

        manager.restart_kernel(now=True)
        client.wait_for_ready(timeout=60)
        reply, out = run(client, "1 + 1")
        check("restart gives a fresh working kernel", text(out) == "2", out)
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main()
