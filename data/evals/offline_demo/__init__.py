"""Offline demo eval for OpenBench Web.

A tiny eval that runs with no network and no API key:

    bench eval data/evals/offline_demo --model offline/demo

bench loads a directory eval by importing this package, reading
``__metadata__`` and then importing ``<dir>.<last part of module_path>``
(here ``offline_demo.py``) to find ``function_name``. Importing that module
also registers the ``offline/...`` model API before bench builds the model.
"""

from openbench.utils import BenchmarkMetadata

__metadata__ = BenchmarkMetadata(
    name="Offline Demo",
    description=(
        "36 short questions (arithmetic, geography, spelling) scored by exact "
        "match, with a built-in offline model API (offline/demo, "
        "offline/demo-good, offline/demo-weak) that needs no network or key."
    ),
    category="demo",
    tags=["offline", "demo", "exact-match", "grouped-metrics"],
    # Only the last dotted part matters for a directory eval: it names the
    # task module file (offline_demo.py) inside this directory.
    module_path="offline_demo.offline_demo",
    function_name="offline_demo",
)
