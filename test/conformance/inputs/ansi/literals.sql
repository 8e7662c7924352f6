--- malformed interval literal with ansi mode
-- SET spark.abc=xyz
--import literals.sql

SET spark.abc;
