-- The catalog: families, products, a list price per identification mode, and the discounts resellers get.
create table product_family (
    id         bigserial primary key,
    code       varchar(40)  not null unique,
    name_it    varchar(120) not null,
    name_en    varchar(120) not null,
    sort_order int          not null default 0
);

create table product (
    id              bigserial primary key,
    code            varchar(40)  not null unique,
    family_id       bigint       not null references product_family (id),
    name_it         varchar(200) not null,
    name_en         varchar(200) not null,
    description_it  text         not null,
    description_en  text         not null,
    instructions_it text         not null,
    instructions_en text         not null,
    vat_rate        numeric(5, 2) not null check (vat_rate >= 0 and vat_rate <= 100),
    active          boolean      not null default true,
    sort_order      int          not null default 0,
    created_at      timestamptz  not null default now()
);
create index product_family_idx on product (family_id);

create table product_price (
    product_id bigint        not null references product (id),
    mode       varchar(20)   not null check (mode in ('SPID', 'CIE', 'FIRMA_DIGITALE', 'VIDEO', 'DE_VISU', 'NESSUNO')),
    list_price numeric(12, 2) not null check (list_price >= 0),
    primary key (product_id, mode)
);

create table discount_tier (
    id         bigserial primary key,
    code       varchar(20)  not null unique,
    name_it    varchar(60)  not null,
    name_en    varchar(60)  not null,
    percent    numeric(5, 2) not null check (percent >= 0 and percent <= 100),
    sort_order int          not null default 0
);

-- A per-product exception to a tier's percentage, or to one reseller's.
create table discount_override (
    id          bigserial primary key,
    product_id  bigint        not null references product (id),
    tier_id     bigint references discount_tier (id),
    reseller_id bigint references reseller (id),
    percent     numeric(5, 2) not null check (percent >= 0 and percent <= 100),
    constraint discount_override_target_ck check ((tier_id is null) <> (reseller_id is null)),
    constraint discount_override_tier_uk unique (product_id, tier_id),
    constraint discount_override_reseller_uk unique (product_id, reseller_id)
);
create index discount_override_reseller_idx on discount_override (reseller_id);

create table reseller_tier (
    reseller_id bigint      primary key references reseller (id),
    tier_id     bigint      not null references discount_tier (id),
    since       timestamptz not null default now(),
    pinned      boolean     not null default false,
    reason      varchar(300)
);
