"""The example project's only app: accounts with a balance."""
