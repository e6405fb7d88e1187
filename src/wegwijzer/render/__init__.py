"""3. Render: content → pages and data files, with the package templates (no MkDocs, no browser)."""
