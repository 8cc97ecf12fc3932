-- The catalog's version covers the resellers' prices too (issue 22): a reseller's discount policy (its tier, the
-- tier's percentage, the tier's and its own per-product overrides) is kept under the catalog's version like the
-- catalog's rows, so every change to a tier, a reseller's placement or an override renews the version, whoever
-- makes it. Row triggers (plus truncate): the nightly recomputation of every reseller's tier writes a row only when
-- the tier changes, and a statement that changes nothing leaves the version (and what the instances keep) alone.
-- V160's function serves the rows as well as the statements.
create trigger discount_tier_catalog_version after insert or update or delete on discount_tier
    for each row execute function catalog_version_bump();
create trigger discount_tier_catalog_version_truncate after truncate on discount_tier
    for each statement execute function catalog_version_bump();
create trigger reseller_tier_catalog_version after insert or update or delete on reseller_tier
    for each row execute function catalog_version_bump();
create trigger reseller_tier_catalog_version_truncate after truncate on reseller_tier
    for each statement execute function catalog_version_bump();
create trigger discount_override_catalog_version after insert or update or delete on discount_override
    for each row execute function catalog_version_bump();
create trigger discount_override_catalog_version_truncate after truncate on discount_override
    for each statement execute function catalog_version_bump();
