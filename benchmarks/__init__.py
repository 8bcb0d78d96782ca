"""Build benchmarks: synthetic help centers in the real content format, and the plain Material baseline."""
