"""Search over documents, organisations, pairs and events: words (FTS) and meaning (embeddings), fused."""
