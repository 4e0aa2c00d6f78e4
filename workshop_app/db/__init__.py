"""Storage: the SQLite engine with its durability settings, migrations, the clock."""
