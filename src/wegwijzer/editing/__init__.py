"""Tools for editors: a new guide from a template (`wegwijzer new`), JSON Schemas (`wegwijzer schema`)."""
