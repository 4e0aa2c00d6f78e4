"""One page per stage of a workshop."""
