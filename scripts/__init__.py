"""Tools the site, its tests and its transcripts share. Each entry point is runnable."""
