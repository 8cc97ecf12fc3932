-- Discount tiers follow top-ups: a tier is reached by the amount topped up in the last 12 months; without a top-up
-- for 6 months a reseller falls back to the base tier.
alter table discount_tier add column min_top_up numeric(12, 2) not null default 0 check (min_top_up >= 0);
alter table reseller_tier add column pinned_by varchar(254);
