"""Running giaoban in production: the worker's heartbeat, /healthz, request logs, fault pages.

Nothing in the domain apps imports this app; settings and urls wire it in.
"""
