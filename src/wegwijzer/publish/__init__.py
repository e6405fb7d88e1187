"""4. Publish: staged build → gates (budget, accessibility) → checklist PDFs → atomic swap."""
