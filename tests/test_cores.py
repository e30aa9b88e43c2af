import subprocess
import sys

import pytest


@pytest.mark.skipif(not hasattr(__import__("os"), "sched_setaffinity"), reason="no CPU affinity on this platform")
def test_usable_cores_follow_the_process_affinity_not_the_machine():
    # A container or ``taskset`` gives a process fewer cores than the machine has; a pool
    # sized by os.cpu_count() would oversubscribe them.
    code = "import os; os.sched_setaffinity(0, {0}); from paraphrase.cores import usable_cores; print(usable_cores())"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "1"
