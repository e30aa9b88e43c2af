"""Measure the engine on labelled data: the seed gold alignment and public corpora."""
