"""Thai text utilities: normalization, collation, digits, B.E. dates, names. No Qt here."""
