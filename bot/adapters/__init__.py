"""Platform adapters: each translates between one platform and the neutral core."""
