"""The regulation as plain Python: who appraises whom, identity numbers, grades, windows.

Modules here take dataclasses, enums and plain values and return values or messages. They do no
I/O: no database, no request, no files, no clock (callers pass `hari_ini`), so each rule can be
read on its own and tested as a table.
"""
