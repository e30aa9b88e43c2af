"""Archive-scale reuse detection on Dask: every recycled passage in a whole archive.

Needs the ``archive`` extra (Dask, pandas, pyarrow): ``pip install 'newsroom-paraphrase[archive]'``.
"""

from .scan import ScanReport, scan

__all__ = ["ScanReport", "scan"]
