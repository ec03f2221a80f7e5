"""Tests of the Matrix adapter against a real Synapse homeserver started for the test session."""
