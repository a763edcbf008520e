"""Privacy (GDPR): a person's own data, erasure requests, anonymisation, consent and retention."""
