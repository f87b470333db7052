"""Offline demo task plus a deterministic, network-free model API.

Run it with:

    bench eval data/evals/offline_demo --model offline/demo [-M delay=0.2]
    bench eval data/evals/offline_demo --model mockllm/model -T sample_delay=0.3

The model API lives in this same module on purpose: bench imports the task
module (and so runs the ``@modelapi`` decorator below) before inspect builds
the model, so ``offline/...`` is resolvable. Keeping it in one file also
avoids relative imports between sibling files, which bench pre-loads in
arbitrary (glob) order.
"""

import json
import re
from pathlib import Path
from typing import Any

import anyio
from inspect_ai import Task, task
from inspect_ai.dataset import MemoryDataset, Sample
from inspect_ai.hooks import Hooks, hooks
from inspect_ai.model import (
    ChatMessage,
    GenerateConfig,
    ModelAPI,
    ModelOutput,
    ModelUsage,
    modelapi,
)
from inspect_ai.scorer import accuracy, grouped, match, stderr
from inspect_ai.solver import Generate, Solver, TaskState, chain, generate, solver
from inspect_ai.tool import ToolChoice, ToolInfo

SAMPLES_FILE = Path(__file__).with_name("samples.jsonl")


def load_samples() -> list[Sample]:
    # Read the data file next to this module (bench imports us by file path,
    # so __file__ is reliable while the working directory is not).
    samples = []
    for line in SAMPLES_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            samples.append(
                Sample(
                    id=row["id"],
                    input=row["input"],
                    target=row["target"],
                    metadata={
                        "category": row["category"],
                        "difficulty": row["difficulty"],
                    },
                )
            )
    return samples


@solver
def sleep_before_generate(seconds: float) -> Solver:
    """Sleep ``seconds`` per sample (the model is not involved)."""

    async def solve(state: TaskState, generate: Generate) -> TaskState:
        await anyio.sleep(seconds)
        return state

    return solve


@task
def offline_demo(sample_delay: float = 0) -> Task:
    """sample_delay (``-T sample_delay=0.3``): seconds slept per sample before
    generating, whatever the model. It makes a run with inspect's built-in
    ``mockllm/model`` slow enough to be killed mid-run, which matters because
    ``bench eval-retry`` builds the model before importing this file, so it can
    resume ``mockllm/model`` runs but not ``offline/*`` ones (those have their
    own ``-M delay``). With the default 0 the solver is plain generate(), so
    runs and scores are exactly as before."""
    delay = float(sample_delay)
    solve = chain(sleep_before_generate(delay), generate()) if delay > 0 else generate()
    return Task(
        dataset=MemoryDataset(load_samples(), name="offline_demo"),
        solver=solve,
        # "exact" rather than the default "end": with numeric answers an
        # end-match would accept "112" for target "12".
        scorer=match(location="exact", ignore_case=True),
        # Overall accuracy + stderr, then one metric per category. all=False
        # because the overall value is already reported as "accuracy".
        metrics=[accuracy(), stderr(), grouped(accuracy(), "category", all=False)],
    )


# ---------------------------------------------------------------------------
# The offline model
# ---------------------------------------------------------------------------

# Each variant has a skill level; the model gets a question right when the
# question's hardness (1-4, judged by the model from the question alone) is
# at most that skill. No randomness: every run gives the same answers, and a
# stronger variant answers a superset of what a weaker one gets right.
# With the 36 shipped samples: demo-weak 18/36, demo 24/36, demo-good 32/36.
SKILL = {"demo-weak": 1, "demo": 2, "demo-good": 3}

# The model's "knowledge": country -> (capital, typical wrong guess, hardness).
CAPITALS = {
    "France": ("Paris", "Lyon", 1),
    "Japan": ("Tokyo", "Osaka", 1),
    "Italy": ("Rome", "Milan", 1),
    "Germany": ("Berlin", "Munich", 1),
    "Spain": ("Madrid", "Barcelona", 1),
    "Egypt": ("Cairo", "Alexandria", 2),
    "Canada": ("Ottawa", "Toronto", 3),
    "Brazil": ("Brasilia", "Rio de Janeiro", 3),
    "Australia": ("Canberra", "Sydney", 3),
    "Turkey": ("Ankara", "Istanbul", 3),
    "Switzerland": ("Bern", "Zurich", 4),
    "Nigeria": ("Abuja", "Lagos", 4),
}

ARITHMETIC = re.compile(r"What is (-?\d+) ([-+×x*]) (-?\d+)\?")
GEOGRAPHY = re.compile(r"capital of ([A-Za-z ]+)\?")
SPELLING = re.compile(r'Spell the word "(\w+)" backwards')


def answer(question: str, skill: int) -> str:
    """Solve the question; above the skill level give a plausible wrong answer."""
    if m := ARITHMETIC.search(question):
        a, op, b = int(m[1]), m[2], int(m[3])
        if op in "+-":
            result = a + b if op == "+" else a - b
            # more digits = harder: 1-2 digits -> 1, 3 -> 2, 4+ -> 3
            hardness = max(1, len(str(max(abs(a), abs(b)))) - 1)
        else:
            result = a * b
            hardness = 1 if min(abs(a), abs(b)) < 10 else 2 if result < 200 else 3
        return str(result if hardness <= skill else result + 10)
    if m := GEOGRAPHY.search(question):
        right, wrong, hardness = CAPITALS.get(m[1].strip(), ("", "I don't know", 9))
        return right if hardness <= skill else wrong
    if m := SPELLING.search(question):
        word = m[1][::-1]
        # length <= 6 -> 1, <= 8 -> 2, <= 10 -> 3, longer -> 4
        hardness = 1 if len(word) <= 6 else 2 if len(word) <= 8 else 3 if len(word) <= 10 else 4
        if hardness <= skill:
            return word
        # Wrong: skip the middle letter, a typical near-miss.
        i = len(word) // 2
        return word[:i] + word[i + 1 :]
    return "I don't know"


@modelapi(name="offline")
class OfflineModelAPI(ModelAPI):
    """Model API ``offline/<variant>``; variants are the keys of SKILL.

    Model args (``-M``):
      delay:   seconds to sleep per generate call (default 0.05), so progress
               is visible; samples still run concurrently up to
               --max-connections.
      fail_on: a substring (or list of substrings); a question containing one
               raises an error, to exercise sample-error / log-status paths.
    Generation settings (temperature, seed, max_tokens, ...) are accepted and
    ignored: answers depend only on the variant and the question.
    """

    def __init__(
        self,
        model_name: str,
        base_url: str | None = None,
        api_key: str | None = None,
        config: GenerateConfig = GenerateConfig(),
        delay: float = 0.05,
        fail_on: str | list[str] | None = None,
        **model_args: Any,
    ) -> None:
        super().__init__(model_name, base_url, api_key, [], config)
        if model_name not in SKILL:
            raise ValueError(
                f"Unknown offline model '{model_name}'. "
                f"Use one of: {', '.join('offline/' + v for v in SKILL)}"
            )
        self.delay = float(delay)
        self.fail_on = [fail_on] if isinstance(fail_on, str) else list(fail_on or [])

    async def generate(
        self,
        input: list[ChatMessage],
        tools: list[ToolInfo],
        tool_choice: ToolChoice,
        config: GenerateConfig,
    ) -> ModelOutput:
        question = input[-1].text if input else ""
        if self.delay > 0:
            await anyio.sleep(self.delay)
        if any(s in question for s in self.fail_on):
            raise RuntimeError(f"offline model: fail_on matched question {question!r}")
        output = ModelOutput.from_content(
            model=self.model_name, content=answer(question, SKILL[self.model_name])
        )
        # Rough word counts stand in for tokens so usage tables are non-empty.
        n_in, n_out = len(question.split()), len(output.completion.split())
        output.usage = ModelUsage(
            input_tokens=n_in, output_tokens=n_out, total_tokens=n_in + n_out
        )
        return output


# ---------------------------------------------------------------------------
# Offline quirk work-around
# ---------------------------------------------------------------------------

# inspect looks up registered hooks 3 times per sample. When it finds none, it
# tries to load the "inspect_ai" entry points, i.e. `import openbench._registry`,
# which imports openbench's SciCode solver, which downloads a template at
# import time. Offline that raises, so inspect never marks the entry points as
# loaded and retries on every lookup: ~5 s for the first attempt and one
# WARNING (printed on stdout) per attempt, 3 per sample. A registered but
# disabled hook makes those lookups succeed, so none of that happens; it only
# affects processes that import this eval. Model lookups that miss (any
# provider other than offline/... and inspect's built-ins) still load the
# entry points as usual.
@hooks(
    name="offline_demo_no_entry_point_retries",
    description="Disabled no-op hook; stops per-sample entry point retries offline.",
)
class _DisabledHook(Hooks):
    def enabled(self) -> bool:
        return False
