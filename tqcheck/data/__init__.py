"""Language knowledge as data: TOML tables and word lists per language and pair, and langdata to load them. Imports only speed/."""
