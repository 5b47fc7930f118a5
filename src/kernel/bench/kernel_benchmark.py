"""Measures the kernel (medians): start to first reply, trivial cell round trip after warm-up,
a 10-cell notebook through `jupyter nbconvert --execute`, and the same 10 snippets through the
JDK's plain `jshell`. Not part of the build; run by hand after `mvn -pl src/kernel -am package`:

    JUPYTER_PATH=<dir with kernels/java> /usr/bin/python3 src/kernel/bench/kernel_benchmark.py [jupyter] [jshell]
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

from jupyter_client.manager import KernelManager

SNIPPETS = [
    "int a = 1;",
    "int b = a + 1;",
    "String s = \"x\".repeat(b);",
    "List<Integer> xs = new ArrayList<>(List.of(3, 1, 2));",
    "Collections.sort(xs);",
    "String joined = xs.toString();",
    "record P(int x, int y) {}",
    "P p = new P(a, b);",
    "int sum = p.x() + p.y();",
    "System.out.println(joined + sum);",
]


def start_to_first_reply():
    km = KernelManager(kernel_name="java")
    started = time.perf_counter()
    km.start_kernel()
    client = km.client()
    client.start_channels()
    client.kernel_info(reply=True, timeout=60)
    elapsed = time.perf_counter() - started
    return elapsed, km, client


def round_trip(client, code):
    started = time.perf_counter()
    reply = client.execute(code, reply=True, timeout=60)
    elapsed = time.perf_counter() - started
    assert reply["content"]["status"] == "ok", reply["content"]
    return elapsed


def main():
    jupyter = sys.argv[1] if len(sys.argv) > 1 else "jupyter"
    jshell = sys.argv[2] if len(sys.argv) > 2 else "jshell"

    starts, trips, firsts = [], [], []
    for _ in range(5):
        elapsed, km, client = start_to_first_reply()
        starts.append(elapsed)
        firsts.append(round_trip(client, "1 + 1"))
        for _ in range(20):
            round_trip(client, "1 + 1")
        trips.extend(round_trip(client, "1 + 1") for _ in range(30))
        client.stop_channels()
        km.shutdown_kernel(now=True)

    folder = tempfile.mkdtemp()
    notebook = {
        "cells": [{"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [], "source": s}
                  for s in SNIPPETS],
        "metadata": {"kernelspec": {"name": "java", "display_name": "Java", "language": "java"},
                     "language_info": {"name": "java"}},
        "nbformat": 4, "nbformat_minor": 5,
    }
    path = os.path.join(folder, "ten.ipynb")
    with open(path, "w") as f:
        json.dump(notebook, f)
    notebook_runs = []
    for _ in range(3):
        started = time.perf_counter()
        subprocess.run([jupyter, "nbconvert", "--to", "notebook", "--execute", "--output-dir", folder,
                        "--output", "ten-out", "--ExecutePreprocessor.kernel_name=java", path],
                       check=True, capture_output=True)
        notebook_runs.append(time.perf_counter() - started)

    kernel_ten = []
    for _ in range(3):
        started = time.perf_counter()
        km = KernelManager(kernel_name="java")
        km.start_kernel()
        client = km.client()
        client.start_channels()
        client.wait_for_ready(timeout=60)
        for snippet in SNIPPETS:
            round_trip(client, snippet)
        kernel_ten.append(time.perf_counter() - started)
        client.stop_channels()
        km.shutdown_kernel(now=True)

    script = os.path.join(folder, "ten.jsh")
    with open(script, "w") as f:
        f.write("\n".join(SNIPPETS) + "\n/exit\n")
    jshell_runs = []
    for _ in range(3):
        started = time.perf_counter()
        subprocess.run([jshell, "-q", "-J-Dfile.encoding=UTF-8", script], check=True, capture_output=True)
        jshell_runs.append(time.perf_counter() - started)

    median = statistics.median
    print("kernel start to first reply (kernel_info), median of 5: %.0f ms" % (median(starts) * 1000))
    print("first cell after start, median of 5:                    %.0f ms" % (median(firsts) * 1000))
    print("trivial cell round trip after warm-up, median of 150:   %.1f ms" % (median(trips) * 1000))
    print("10-cell notebook via nbconvert --execute, median of 3:   %.0f ms" % (median(notebook_runs) * 1000))
    print("kernel start + 10 cells via jupyter_client, median of 3: %.0f ms" % (median(kernel_ten) * 1000))
    print("plain jshell, same 10 snippets (start to exit), median:  %.0f ms" % (median(jshell_runs) * 1000))
    print("ratio kernel(start + 10 cells) / jshell:                 %.2f" % (median(kernel_ten) / median(jshell_runs)))


if __name__ == "__main__":
    main()
