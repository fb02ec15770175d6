-- Secrets made once per installation, such as the key that turns e-mail addresses into customer ids.
-- The bi reader role cannot read it.
CREATE TABLE installation_secrets (
    name  text PRIMARY KEY,
    value text NOT NULL
);
