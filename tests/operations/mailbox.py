"""A mail backend for worker subprocesses: records each attempt and each sent message in files.

With MAILBOX_HANG set, sending hangs like a stuck SMTP server, so the test can
kill the worker while it is in the middle of a job.
"""

import json
import os
import time
from pathlib import Path

from django.core.mail.backends.base import BaseEmailBackend


class Backend(BaseEmailBackend):
    def send_messages(self, email_messages) -> int:
        folder = Path(os.environ["MAILBOX_DIR"])
        with open(folder / "attempts", "a") as attempts:
            attempts.write("attempt\n")
        if os.environ.get("MAILBOX_HANG"):
            time.sleep(120)  # the test kills the process long before; bounded all the same
        with open(folder / "sent", "a") as sent:
            for message in email_messages:
                sent.write(json.dumps({"to": message.to, "subject": message.subject}, ensure_ascii=False) + "\n")
        return len(email_messages)
