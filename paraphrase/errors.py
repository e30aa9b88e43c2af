"""One exception tree for the library; each leaf also inherits the builtin it resembles."""


class ParaphraseError(Exception):
    """Base class of every error the library raises on purpose."""


class InputError(ParaphraseError, ValueError):
    """An input that cannot be compared: empty, binary, undecodable or unreadable."""


class UnsupportedFormatError(InputError):
    """Data that no reader takes: binary data that is not a document format we read."""


class OptionsError(ParaphraseError, ValueError):
    """An options value or options file that is out of range or unknown."""
