"""Build logic of the PCCC & CNCH training site.

Plain Python modules; ``scripts/mkdocs_hooks.py`` only wires MkDocs events
to the functions here, so the logic can move to another site engine.
"""
