package it.rivendo.services;

import it.rivendo.shared.Formats;
import it.rivendo.shared.Money;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff dashboard's renewal figures (issue #16), each one SQL statement: the running
 * services whose term ends within some days and what renewing them would bring in at each
 * reseller's price of today, and the renewals' revenue month by month.
 */
@Service
@Transactional(readOnly = true)
public class RenewalFigures {

	/**
	 * Each due service priced as {@code catalog.Catalog#renewalQuote} prices its renewal
	 * for its reseller: the product's renewal price (else the list price of its mode)
	 * while the mode is on sale, less the reseller's own override for the product, else
	 * its tier's override, else its tier's percentage (the tier assigned, or the first
	 * tier by order and percentage), rounded half-up to the cent. The rule is
	 * {@code catalog.internal.DiscountPolicy}'s, written in SQL so that 300 resellers
	 * cost one statement, not 300 policies; RenewalDashboardIT keeps the two equal.
	 */
	private static final String DUE = """
			with base_tier as (
			  select id, percent from discount_tier order by sort_order, percent limit 1),
			due as (
			  select s.reseller_id, s.product_id, s.mode from purchased_service s
			  where s.status in ('ACTIVE', 'SUSPENDED') and s.valid_until < :before)
			select count(*) as services, count(pp.list_price) as priced,
			       coalesce(sum(round(case when pp.list_price is not null
			           then coalesce(p.renewal_price, pp.list_price) end * (100 - coalesce(own.percent, tier_own.percent,
			           coalesce(t.percent, base_tier.percent))) / 100, 2)), 0) as value
			from due d
			cross join base_tier
			left join reseller_tier rt on rt.reseller_id = d.reseller_id
			left join discount_tier t on t.id = rt.tier_id
			left join product p on p.id = d.product_id and p.active
			left join product_price pp on pp.product_id = p.id and pp.mode = d.mode
			left join discount_override own on own.product_id = d.product_id and own.reseller_id = d.reseller_id
			left join discount_override tier_own on tier_own.product_id = d.product_id
			     and tier_own.tier_id = coalesce(t.id, base_tier.id)""";

	/**
	 * The months from {@code first} to {@code last} (each month's first day in the shop's
	 * time zone), with the renewals that stand (their order not cancelled) made in each.
	 */
	private static final String BY_MONTH = """
			select to_char(m.month, 'YYYY-MM') as month, count(r.id) as renewals,
			       count(r.id) filter (where r.automatic) as automatic, coalesce(sum(r.price_net), 0) as revenue
			from generate_series(cast(:first as timestamp), cast(:last as timestamp), interval '1 month') as m(month)
			left join service_renewal r on r.cancelled_at is null
			     and r.renewed_at >= (m.month at time zone :zone)
			     and r.renewed_at < ((m.month + interval '1 month') at time zone :zone)
			group by m.month order by m.month""";

	private final JdbcClient jdbc;

	private final Clock clock;

	RenewalFigures(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The running services (active or suspended) whose term ends within {@code days}
	 * calendar days, the same days as "In scadenza", and what their renewals come to.
	 */
	public Due dueWithin(int days) {
		Instant before = ExpiringServices.before(days, clock.instant());
		return jdbc.sql(DUE)
			.param("before", Timestamp.from(before))
			.query((rs, i) -> new Due(days, rs.getLong("services"), Money.of(rs.getBigDecimal("value")),
					rs.getLong("services") - rs.getLong("priced")))
			.single();
	}

	/**
	 * The renewals that stand, month by month over the last {@code months} months (this
	 * one included, months without renewals too), oldest first.
	 */
	public List<MonthlyRevenue> revenueByMonth(int months) {
		YearMonth last = YearMonth.from(LocalDate.now(clock.withZone(Formats.SHOP_ZONE)));
		return jdbc.sql(BY_MONTH)
			.param("first", last.minusMonths(months - 1L).atDay(1).atStartOfDay())
			.param("last", last.atDay(1).atStartOfDay())
			.param("zone", Formats.SHOP_ZONE.getId())
			.query((rs, i) -> new MonthlyRevenue(YearMonth.parse(rs.getString("month")), rs.getLong("renewals"),
					rs.getLong("automatic"), Money.of(rs.getBigDecimal("revenue"))))
			.list();
	}

	/**
	 * Services whose term ends within {@code days}: how many, what renewing them brings
	 * in (VAT excluded) and how many of them cannot be priced (product or mode no longer
	 * on sale, left out of the value).
	 */
	public record Due(int days, long services, Money value, long unpriced) {
	}

	/**
	 * One month's renewals: how many, how many of them automatic, their revenue (VAT
	 * excluded).
	 */
	public record MonthlyRevenue(YearMonth month, long renewals, long automatic, Money revenue) {
	}

}
