"""Renderers: the edition model to build/ outputs, one module per format."""
