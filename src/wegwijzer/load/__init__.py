"""1. Read: YAML files with a line for every value → the validated model, with plain explanations."""
