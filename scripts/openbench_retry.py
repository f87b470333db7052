#!/usr/bin/env python3
"""Resume a killed run from its partial inspect log: inspect's eval_retry, as `bench eval-retry`.

    .venv/bin/python scripts/openbench_retry.py LOG --log-dir DIR [--evals-dir DIR]

Only the samples missing from LOG run; the finished ones are kept. The new log is written to
DIR in JSON (the format our pipeline reads), beside the partial one.

Why not `bench eval-retry` itself (docs/openbench-notes.md, section 10): it always writes
the `.eval` zip format, and it builds the model before it imports the task file, so a model
API that a local eval registers (our offline demo's `offline/*`) is unknown to it. This
script imports the task file first when it is a local eval under --evals-dir, then calls the
same inspect function.

Exit codes: 0 the retried evaluation succeeded, 1 it did not, 2 bad arguments.
"""

import argparse
import os
import runpy
import sys
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("log", help="the partial inspect log")
    parser.add_argument("--log-dir", required=True)
    parser.add_argument("--evals-dir", help="local evals whose task files may be imported")
    args = parser.parse_args()

    # Plain progress lines, as `bench eval --display plain` prints them.
    os.environ.setdefault("INSPECT_DISPLAY", "plain")
    from inspect_ai import eval_retry
    from inspect_ai.log import read_eval_log

    header = read_eval_log(args.log, header_only=True)
    task_file = header.eval.task_file
    if task_file and args.evals_dir:
        path = Path(task_file).resolve()
        if path.is_file() and Path(args.evals_dir).resolve() in path.parents:
            runpy.run_path(str(path))

    # inspect prints the `Log: <path>` line itself, relative to the working directory.
    logs = eval_retry(args.log, log_dir=args.log_dir, log_format="json")
    return 0 if logs and all(log.status == "success" for log in logs) else 1


if __name__ == "__main__":
    sys.exit(main())
