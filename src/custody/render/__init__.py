"""Renderers for printed artefacts: the QR matrix (shared with the screen) and label PDFs."""
