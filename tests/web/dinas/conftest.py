"""The `lengkap` dinas and `masuk` clients live in tests/conftest.py, shared with other folders."""
