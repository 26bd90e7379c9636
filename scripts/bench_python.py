"""The figures of BENCHMARKS.md's "Python and --jobs" (run by scripts/bench-python.sh).

Method. One corpus of dispatches, as JSON Lines records {"id", "text"} (language detected, no
reference date: the same work for every contender). Each contender annotates the whole corpus;
the figure is the best of RUNS runs (the least disturbed by other work on the machine), in MB/s
of UTF-8 text (10^6 bytes of the records' "text"), after one warm-up run; the contenders take
turns, run by run. CPU seconds (user + system, of the child process or of this one) are
reported beside wall-clock seconds: on a shared machine they are the steadier measure of one
core's work, though only wall-clock time shows what several threads gain:

- the command line: `depeche annotate --jsonl --jobs N FILE > /dev/null` (reading the file,
  parsing JSON, annotating, writing JSON), for N = 1 and N = every core;
- as many `--jobs 1` processes as cores, at once, each on its share of the corpus: what the
  machine's cores give to work that shares nothing (on a virtual machine, often less than
  N times one core), the ceiling for `--jobs N`;
- Python: `depeche.annotate_many(texts, jobs=N)` on texts already in memory, results returned as
  dicts and lists (json.loads included);
- Spark: `depeche.spark.annotate_spans` on a Parquet file of the corpus repeated SPARK_TIMES
  times, local[*], written as a Parquet dataset of spans, session start-up excluded (the first
  run starts the workers and is the warm-up).
"""

import json
import os
import platform
import re
import resource
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

import depeche

ROOT = Path(__file__).resolve().parent.parent
CLI = ROOT / "target" / "release" / "depeche"
RUNS = int(os.environ.get("BENCH_RUNS", "30"))
CORES = os.cpu_count() or 1
SPARK_TIMES = 8


def corpus():
    """(description, texts): the shared dev corpora, else the examples repeated."""
    shared = ROOT.parent / "shared" / "dev"
    files = sorted(shared.glob("*.jsonl")) if shared.is_dir() else []
    texts = []
    if files:
        for f in files:
            for line in f.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    texts.append(json.loads(line)["text"])
        names = ", ".join(f.name for f in files)
        return f"the texts of ../shared/dev ({names})", texts
    one = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    one += [json.loads(l)["text"] for l in (ROOT / "examples" / "dispatches.jsonl").open()]
    while sum(len(t.encode()) for t in texts) < 2_000_000:
        texts += one
    return "the repository's examples, repeated (../shared is absent)", texts


def interleaved(contenders, runs=RUNS):
    """Best wall-clock and CPU seconds of each contender, run in turn: A B C D, A B C D...
    so that all of them see the same spells of other work on the machine."""
    for _, fn, _ in contenders:
        fn()  # warm-up
    walls = [float("inf")] * len(contenders)
    cpus = [float("inf")] * len(contenders)
    for _ in range(runs):
        for i, (_, fn, whose) in enumerate(contenders):
            who = resource.RUSAGE_CHILDREN if whose == "child" else resource.RUSAGE_SELF
            r0, t0 = resource.getrusage(who), time.perf_counter()
            fn()
            t1, r1 = time.perf_counter(), resource.getrusage(who)
            walls[i] = min(walls[i], t1 - t0)
            cpus[i] = min(cpus[i], (r1.ru_utime + r1.ru_stime) - (r0.ru_utime + r0.ru_stime))
    return walls, cpus


def best(fn, runs=RUNS):
    fn()  # warm-up
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main():
    what, texts = corpus()
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    tmp = Path(tempfile.mkdtemp(prefix="depeche-bench-"))
    jsonl = tmp / "corpus.jsonl"
    with jsonl.open("w", encoding="utf-8") as f:
        for i, t in enumerate(texts):
            f.write(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n")
    print(f"corpus: {what}: {len(texts)} texts, {mb:.2f} MB", file=sys.stderr)

    def cli(jobs):
        def run():
            with open(os.devnull, "wb") as null:
                subprocess.run([str(CLI), "annotate", "--jsonl", "--jobs", str(jobs), str(jsonl)],
                               stdout=null, check=True)
        return run

    # What the machine's cores give to independent work: the corpus in CORES parts, one
    # `--jobs 1` process each, all at once (the ceiling --jobs can reach here).
    parts = []
    for k in range(CORES):
        part = tmp / f"part-{k}.jsonl"
        with part.open("w", encoding="utf-8") as f:
            for i in range(k, len(texts), CORES):
                f.write(json.dumps({"id": i, "text": texts[i]}, ensure_ascii=False) + "\n")
        parts.append(part)

    def processes():
        with open(os.devnull, "wb") as null:
            running = [subprocess.Popen([str(CLI), "annotate", "--jsonl", "--jobs", "1", str(p)],
                                        stdout=null) for p in parts]
            for p in running:
                if p.wait() != 0:
                    raise RuntimeError("depeche failed")

    annotator = depeche.Annotator()
    contenders = [
        ("command line, `--jobs 1`", cli(1), "child"),
        (f"command line, `--jobs {CORES}` (every core)", cli(CORES), "child"),
        (f"{CORES} `--jobs 1` processes at once, each on 1/{CORES} of the corpus (the ceiling)",
         processes, "child"),
        ("Python `annotate_many(texts, jobs=1)`",
         lambda: annotator.annotate_many(texts, jobs=1), "self"),
        (f"Python `annotate_many(texts)` ({CORES} threads, every core)",
         lambda: annotator.annotate_many(texts), "self"),
    ]
    walls, cpus = interleaved(contenders)
    rows = [(label, walls[i], mb / walls[i], mb / cpus[i])
            for i, (label, _, _) in enumerate(contenders)]
    for label, w, r, c in rows:
        print(f"{label}: {w:.3f} s, {r:.1f} MB/s ({c:.1f} MB per CPU second)", file=sys.stderr)
    cli1, clin, ceiling, py1, pyn = (r for _, _, r, _ in rows)
    cpu_ratio = rows[3][3] / rows[0][3]
    spark = None
    try:
        spark = spark_figure(texts, tmp)
    except ImportError as e:
        print(f"Spark not measured: {e}", file=sys.stderr)
    if spark:
        rows.append(spark)

    table = "\n".join(f"| {label} | {s:.3f} | **{r:.1f}** | {c:.1f} |" if c == c
                      else f"| {label} | {s:.3f} | **{r:.1f}** | – |" for label, s, r, c in rows)
    cpu = "unknown CPU"
    try:
        m = re.search(r"model name\s*:\s*(.*)", Path("/proc/cpuinfo").read_text())
        cpu = m.group(1).strip() if m else cpu
    except OSError:
        pass
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    date = datetime.now(timezone.utc).strftime("%Y-%m-%d")
    nice = os.environ.get("BENCH_NICE", "0")
    priority = (f"run at priority `nice -n {nice}`, in a session whose autogroup is raised as "
                "much, so that other work on the shared machine leaves the cores to the "
                "benchmark" if nice != "0" else "run at normal priority")
    section = f"""## Python and --jobs

Measured on {date} at commit {os.environ.get("BENCH_COMMIT", "unknown")} with
`scripts/bench-python.sh` (method in `scripts/bench_python.py`): {cpu}, {CORES} cores,
{platform.system()} {platform.release()}, Python {platform.python_version()}, load average
before the run {load}. Corpus: {what}, {len(texts)} texts, {mb:.2f} MB; language detected,
no reference date. Best of {RUNS} runs after a warm-up, the contenders taking turns; MB/s of
text; {priority}.

| what | seconds | MB/s | MB per CPU second |
|---|---|---|---|
{table}

- Python on one core against the command line on one core: **{py1 / cli1:.0%}** (goal: 80 % or
  more); by CPU time, which other work on the machine disturbs less: {cpu_ratio:.0%}.
- The command line on {CORES} cores against one: **{clin / cli1:.2f}×** (goal on 2 cores: 1.6×
  or more); {CORES} independent processes get {ceiling / cli1:.2f}× out of this machine's cores,
  so `--jobs` reaches {clin / ceiling:.0%} of what they give. Python on {CORES} threads against
  one: {pyn / py1:.2f}×.
"""
    if "--print" in sys.argv:
        print(section)
        return
    path = ROOT / "BENCHMARKS.md"
    md = path.read_text(encoding="utf-8")
    start = md.find("## Python and --jobs")
    if start < 0:
        md = md.rstrip("\n") + "\n\n" + section
    else:
        nxt = md.find("\n## ", start + 3)
        md = md[:start] + section + ("" if nxt < 0 else md[nxt:])
    path.write_text(md, encoding="utf-8")
    print('BENCHMARKS.md: "## Python and --jobs" updated', file=sys.stderr)


def spark_figure(texts, tmp):
    """(label, seconds, MB/s) of the Spark recipe in local mode on every core."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    from pyspark.sql import SparkSession

    from depeche.spark import annotate_spans

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    # A job has a fixed cost (planning, starting tasks, writing files) that a 1 MB corpus
    # would mostly measure: the corpus is repeated SPARK_TIMES times.
    texts = texts * SPARK_TIMES
    src = tmp / "corpus.parquet"
    pq.write_table(pa.table({"id": list(range(len(texts))), "text": texts}), src)
    spark = (SparkSession.builder.master("local[*]").appName("depeche-bench")
             .config("spark.ui.enabled", "false").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    n = [0]

    def run():
        n[0] += 1
        df = spark.read.parquet(str(src)).repartition(CORES * 2)
        annotate_spans(df).write.mode("overwrite").parquet(str(tmp / f"spans-{n[0]}"))

    try:
        s = best(run, 5)
    finally:
        spark.stop()
    label = (f"Spark `annotate_spans`, local[{CORES}], Parquet in and out "
             f"(the corpus {SPARK_TIMES} times, {mb:.1f} MB)")
    print(f"{label}: {s:.3f} s, {mb / s:.1f} MB/s", file=sys.stderr)
    return (label, s, mb / s, float("nan"))


if __name__ == "__main__":
    main()
