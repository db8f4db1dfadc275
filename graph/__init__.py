"""The core: domain model, storage (Neo4j and embedded SQLite) and analytics."""
