"""Input text rules shared by the endpoints."""

# No control characters (tab, line feed and carriage return aside): PostgreSQL refuses NUL in text,
# and none belongs in an office's records. Declared in the schema, so clients see the rule.
PLAIN_TEXT = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$"
