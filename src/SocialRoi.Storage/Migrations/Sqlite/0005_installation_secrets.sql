-- Secrets made once per installation, such as the key that turns e-mail addresses into customer ids.
CREATE TABLE installation_secrets (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
