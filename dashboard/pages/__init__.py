"""Pure layout builders, one module per page: components and ids, no data, no logic."""
