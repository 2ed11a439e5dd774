"""One document model for every output: chapters parsed into typed nodes."""
