"""Reading content: YAML with positions, the JSON Schemas, loading, the cross-file checks and the model."""
