"""``python -m crosswire``: the same command line as the ``crosswire`` script."""

from crosswire.cli import run

run(prog_name="crosswire")
