"""Checks the path a browser takes: the Jupyter server starts the "java" kernel over REST and runs
one cell through the kernel's websocket channels.

Usage: python3 server_check.py <jupyter-executable> <notebook-dir>
Needs only what the classic notebook server ships with (tornado). Exit code 0 when the cell ran.
"""
import asyncio
import json
import os
import secrets
import socket
import subprocess
import sys
import time
import uuid

from tornado.httpclient import AsyncHTTPClient, HTTPRequest
from tornado.websocket import websocket_connect

CODE = 'String greeting = "Hello from the Java kernel";\ngreeting.length() + 1'
EXPECTED = "27"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def message(msg_type, content, session):
    return {
        "header": {"msg_id": uuid.uuid4().hex, "username": "check", "session": session,
                   "msg_type": msg_type, "version": "5.3", "date": ""},
        "parent_header": {}, "metadata": {}, "content": content, "channel": "shell", "buffers": [],
    }


async def check(base, token, server):
    http = AsyncHTTPClient()
    headers = {"Authorization": "token " + token, "Content-Type": "application/json"}
    for _ in range(120):
        try:
            await http.fetch(base + "/api", headers=headers)
            break
        except Exception:
            if server.poll() is not None:
                raise SystemExit("The Jupyter server stopped at start (exit %s)" % server.returncode)
            await asyncio.sleep(0.25)
    else:
        raise SystemExit("The Jupyter server did not answer on " + base)
    specs = json.loads((await http.fetch(base + "/api/kernelspecs", headers=headers)).body)
    if "java" not in specs["kernelspecs"]:
        raise SystemExit("The server does not list the 'java' kernel; found: " + ", ".join(specs["kernelspecs"]))
    started = time.monotonic()
    kernel = json.loads((await http.fetch(HTTPRequest(base + "/api/kernels", method="POST", headers=headers,
                                                      body=json.dumps({"name": "java"})))).body)
    ws_url = base.replace("http://", "ws://") + "/api/kernels/" + kernel["id"] + "/channels?token=" + token
    connection = await websocket_connect(ws_url)
    session = uuid.uuid4().hex
    request = message("execute_request", {"code": CODE, "silent": False, "store_history": True,
                                          "user_expressions": {}, "allow_stdin": False,
                                          "stop_on_error": True}, session)
    result, status = None, None
    deadline = time.monotonic() + 120
    # The kernel may still be starting: repeat kernel_info until it answers, as the browser does.
    await connection.write_message(json.dumps(message("kernel_info_request", {}, session)))
    await connection.write_message(json.dumps(request))
    while time.monotonic() < deadline and status is None:
        raw = await asyncio.wait_for(connection.read_message(), timeout=max(1, deadline - time.monotonic()))
        if raw is None:
            raise SystemExit("The kernel's websocket closed before the cell finished")
        reply = json.loads(raw)
        if reply.get("parent_header", {}).get("msg_id") != request["header"]["msg_id"]:
            continue
        kind = reply["msg_type"]
        if kind == "execute_result":
            result = reply["content"]["data"].get("text/plain")
        elif kind == "error":
            raise SystemExit("The cell failed: %s: %s" % (reply["content"]["ename"], reply["content"]["evalue"]))
        elif kind == "execute_reply":
            status = reply["content"]["status"]
    elapsed = time.monotonic() - started
    connection.close()
    await http.fetch(HTTPRequest(base + "/api/kernels/" + kernel["id"], method="DELETE", headers=headers))
    if status != "ok" or result != EXPECTED:
        raise SystemExit("Expected the cell to answer %s with status ok; got %r with status %r" % (EXPECTED, result, status))
    print("Jupyter server check OK: the server started the java kernel and ran a cell over websocket"
          " (result %s, %.2f s from kernel start to reply)" % (result, elapsed))


def main():
    jupyter, notebook_dir = sys.argv[1], sys.argv[2]
    port, token = free_port(), secrets.token_hex(16)
    server = subprocess.Popen(
        [jupyter, "notebook", "--no-browser", "--port=%d" % port, "--ip=127.0.0.1",
         "--NotebookApp.token=" + token, "--NotebookApp.open_browser=False",
         "--notebook-dir=" + notebook_dir] + (["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []),
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=os.environ.copy())
    try:
        asyncio.run(check("http://127.0.0.1:%d" % port, token, server))
    except SystemExit:
        server.terminate()
        try:
            print(server.communicate(timeout=10)[1].decode("utf-8", "replace")[-3000:], file=sys.stderr)
        except subprocess.TimeoutExpired:
            server.kill()
        raise
    finally:
        if server.poll() is None:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()


if __name__ == "__main__":
    main()
