"""Speed: what makes a run start and scan fast — the cache folder, the warm-start file, pattern prefilters, compact word lists. Imports only the package root."""
