#!/bin/sh
# Create giaoban's role and database on this server's PostgreSQL (Debian: apt install postgresql).
# Peer authentication over the Unix socket: the system user giaoban connects as the role giaoban,
# so no database password exists anywhere. Idempotent. Run as root:  sh deploy/postgresql.sh
set -eu
ROLE=${ROLE:-giaoban}
DB=${DB:-giaoban}
as_postgres() { runuser -u postgres -- "$@"; }

if [ "$(as_postgres psql -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'")" != 1 ]; then
  as_postgres createuser --no-superuser --no-createdb --no-createrole "$ROLE"
fi
if [ "$(as_postgres psql -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'")" != 1 ]; then
  # UTF-8 whatever the server's locale; template0 so the encoding may differ from template1's.
  as_postgres createdb --owner="$ROLE" --encoding=UTF8 --template=template0 "$DB"
fi
echo "PostgreSQL: role $ROLE owns database $DB. In /etc/giaoban.env: DATABASE_URL=postgres:///$DB"
