"""Wire-level tests of the Discord adapter against the fake in tests/discord_fake."""
