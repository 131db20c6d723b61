"""Typer sub-command groups, one module per domain; registered in safecity.cli."""
