"""Berita: news articles written and published by officers, listed publicly."""
