"""Speed and memory of tqcheck against its peers: `python -m benchmarks.run` (see `benchmarks/run.py`).

Modules: `corpus` builds the inputs at run time from `../shared/data` into a
temporary folder; `timing` and `launcher` time whole processes and read each
one's own peak memory; `rows` defines the nine rows; `argos_model` builds the
realistic-size Argos package and `ct2_peer` is the raw CTranslate2 peer.
Not run by CI (too slow); `tests/test_benchmarks.py` runs `--quick`.
"""
