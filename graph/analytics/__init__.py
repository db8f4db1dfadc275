"""Network analytics on NetworkX graphs, with a compiled engine underneath where it wins."""
