"""``python -m crosswire``: the same command line as the ``crosswire`` script."""

from crosswire.cli import app

app(prog_name="crosswire")
