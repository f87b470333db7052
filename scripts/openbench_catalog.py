#!/usr/bin/env python3
"""Print openbench's benchmark catalog as one JSON object on stdout.

Run it with the interpreter that provides `bench` (the project venv):

    .venv/bin/python scripts/openbench_catalog.py [--evals-dir DIR] [--pretty]

Output keys: openbench_version, inspect_version, benchmarks, groups,
categories, local_evals, local_eval_errors (see docs/openbench-notes.md).

Why a script instead of parsing `bench list`: the rich tables cut names and
descriptions and do not show groups. Importing openbench takes ~4-5 s, so
callers should cache the result.

stdout carries only the JSON: file descriptor 1 is pointed at stderr for the
whole run, so anything printed while importing openbench or a local eval
(warnings, rich output, logging handlers bound to stdout) lands on stderr.

Exit codes: 0 ok, 2 bad arguments, 3 openbench cannot be imported.
"""

import argparse
import json
import os
import sys
import traceback
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path


def package_version(name: str) -> str | None:
    try:
        return version(name)
    except PackageNotFoundError:
        return None


def entry(key: str, meta) -> dict:
    """One benchmark's metadata in the catalog's shape."""
    return {
        "name": key,
        "display_name": meta.name,
        "description": meta.description,
        "category": meta.category,
        "tags": list(meta.tags or []),
        "is_alpha": bool(meta.is_alpha),
        "is_subtask": bool(getattr(meta, "subtask", False)),
        "module_path": meta.module_path,
        "function_name": meta.function_name,
    }


def load_local_evals(evals_dir: Path, config, metadata_type) -> tuple[list, list]:
    """Import every eval directory under evals_dir the way `bench eval DIR` does.

    bench imports DIR/__init__.py plus every top-level *.py of DIR (that is
    config._import_module_from_path), reads __metadata__, then takes the
    module named by the last part of module_path. We do the same and check
    that function_name exists, but never call it: calling a task function may
    load (download) its dataset.
    """
    evals, errors = [], []
    for path in sorted(p for p in evals_dir.iterdir() if p.is_dir()):
        init = path / "__init__.py"
        # Cheap text check first, so unrelated packages are never imported.
        try:
            if not init.is_file() or "__metadata__" not in init.read_text(errors="replace"):
                continue
        except OSError:
            continue
        try:
            root = config._import_module_from_path(path)
            meta = getattr(root, "__metadata__", None)
            if not isinstance(meta, metadata_type):
                raise ValueError("__metadata__ is not an openbench BenchmarkMetadata")
            task_file = meta.module_path.split(".")[-1] + ".py"
            module = sys.modules.get(f"{root.__name__}.{task_file[:-3]}")
            if module is None:
                raise ImportError(f"task module {task_file} not found in {path}")
            if not callable(getattr(module, meta.function_name, None)):
                raise AttributeError(f"function '{meta.function_name}' not found in {task_file}")
            evals.append({**entry(path.name, meta), "name": path.name, "path": str(path)})
        except Exception as ex:  # report and go on: one broken eval must not hide the rest
            print(f"openbench_catalog: skipping {path}: {ex}", file=sys.stderr)
            errors.append({"name": path.name, "path": str(path), "error": f"{type(ex).__name__}: {ex}"})
    return evals, errors


def main() -> int:
    parser = argparse.ArgumentParser(description="Print openbench's catalog as JSON.")
    parser.add_argument("--evals-dir", help="directory whose eval subdirectories are listed in local_evals")
    parser.add_argument("--pretty", action="store_true", help="indent the JSON")
    args = parser.parse_args()

    evals_dir = None
    if args.evals_dir:
        evals_dir = Path(args.evals_dir).expanduser().resolve()
        if not evals_dir.is_dir():
            parser.error(f"--evals-dir {args.evals_dir}: not a directory")  # exits 2

    # Keep a private handle on the real stdout, then send fd 1 to stderr.
    sys.stdout.flush()
    json_out = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)

    try:
        from openbench import config
        from openbench.utils import BenchmarkMetadata
    except Exception as ex:
        traceback.print_exc(file=sys.stderr)
        print(
            f"openbench_catalog: cannot import openbench with {sys.executable}: "
            f"{type(ex).__name__}: {ex}",
            file=sys.stderr,
        )
        return 3

    benchmarks = config.get_all_benchmarks(include_alpha=True)
    catalog = {
        "openbench_version": package_version("openbench"),
        "inspect_version": package_version("inspect_ai"),
        "benchmarks": [entry(k, benchmarks[k]) for k in sorted(benchmarks)],
        "groups": [
            {
                "name": key,
                "display_name": group.name,
                "description": group.description,
                "benchmarks": list(group.benchmarks),
            }
            for key, group in sorted(config.EVAL_GROUPS.items())
        ],
        "categories": list(config.get_categories()),
        "local_evals": [],
        "local_eval_errors": [],
    }
    if evals_dir is not None:
        catalog["local_evals"], catalog["local_eval_errors"] = load_local_evals(
            evals_dir, config, BenchmarkMetadata
        )

    sys.stdout.flush()  # stray prints still buffered go to stderr, not into the JSON
    json.dump(catalog, json_out, ensure_ascii=False, indent=2 if args.pretty else None)
    json_out.write("\n")
    json_out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
