"""The resident's rights and retention: anonymisation (one service), retention, vergeten,
inzage. The rules of what anonymising removes live in domain.anonymisation."""
