package it.rivendo.catalog.internal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads resellers' discount policies; every price shown or charged goes through one. */
@Component
public class DiscountPolicies {

	private final JdbcClient jdbc;

	private final CatalogCache cache;

	DiscountPolicies(JdbcClient jdbc, CatalogCache cache) {
		this.jdbc = jdbc;
		this.cache = cache;
	}

	/**
	 * The reseller's policy, read in one query: its tier (when none is assigned, the
	 * first tier by order and percentage, the rule of {@code Catalog.tierOf}) and the
	 * overrides that may apply, its own and its tier's. Kept under the catalog's version,
	 * which every change to a tier, a placement or an override renews (V161).
	 * @throws IllegalStateException when no discount tier is defined at all
	 */
	public DiscountPolicy forReseller(long resellerId) {
		return cache.get(new PolicyKey(resellerId), () -> read(resellerId));
	}

	private DiscountPolicy read(long resellerId) {
		var rows = jdbc.sql("""
				with tier as (
				  select t.id, t.percent
				  from discount_tier t
				  left join reseller_tier rt on rt.tier_id = t.id and rt.reseller_id = :reseller
				  order by rt.reseller_id is null, t.sort_order, t.percent
				  limit 1)
				select tier.percent as tier_percent, o.product_id, o.percent, o.reseller_id is not null as own
				from tier left join discount_override o on o.reseller_id = :reseller or o.tier_id = tier.id""")
			.param("reseller", resellerId)
			.query((rs, i) -> new Row(rs.getBigDecimal("tier_percent"), rs.getObject("product_id", Long.class),
					rs.getBigDecimal("percent"), rs.getBoolean("own")))
			.list();
		if (rows.isEmpty()) {
			throw new IllegalStateException("No discount tier is defined");
		}
		Map<Long, BigDecimal> tierOverrides = new HashMap<>();
		Map<Long, BigDecimal> resellerOverrides = new HashMap<>();
		for (Row row : rows) {
			if (row.productId() != null) {
				(row.own() ? resellerOverrides : tierOverrides).put(row.productId(), row.percent());
			}
		}
		return new DiscountPolicy(rows.get(0).tierPercent(), tierOverrides, resellerOverrides);
	}

	private record PolicyKey(long resellerId) {
	}

	/** The tier's percentage, and one override if there is any. */
	private record Row(BigDecimal tierPercent, Long productId, BigDecimal percent, boolean own) {
	}

}
