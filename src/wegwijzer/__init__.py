"""Wegwijzer."""
