"""Outgoing mail: a maildir outbox by default, SMTP when configured, a durable retry queue."""

from pass_tui.data.mail.mailer import (
    FlushReport,
    MailAttachment,
    Mailer,
    QueuedMail,
    SendResult,
    is_valid_email,
)

__all__ = ["FlushReport", "MailAttachment", "Mailer", "QueuedMail", "SendResult", "is_valid_email"]
