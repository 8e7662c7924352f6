--IMPORT double-quoted-identifiers.sql

