"""paraphrase: is this article a rewrite of that one?

>>> import paraphrase
>>> paraphrase.distance("Insurgents stormed the city on Thursday.",
...                     "Insurgents stormed the city on Thursday.")
0.0
"""

from .comparison import SCHEMA, Comparison, Pair
from .document import Document, Sentence
from .errors import InputError, OptionsError, ParaphraseError, UnsupportedFormatError
from .evidence import EVIDENCE, EVIDENCE_CONSTANTS
from .options import DEFAULT_OPTIONS, Options
from .pipeline import compare
from .read import read_file
from .readers import READERS
from .score import EDIT_CLASSES, distance

__version__ = "0.1.0"
__all__ = [
    "compare", "distance", "Comparison", "Pair", "Document", "Sentence", "Options", "DEFAULT_OPTIONS",
    "ParaphraseError", "InputError", "OptionsError", "UnsupportedFormatError", "read_file", "READERS", "EDIT_CLASSES",
    "EVIDENCE", "EVIDENCE_CONSTANTS", "SCHEMA",
    "__version__",
]
