"""Alembic environment: migrations run on a connection the app hands over."""

from alembic import context

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("migrations are applied by workshop_app.db.database.open_database")

context.configure(connection=connection, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
