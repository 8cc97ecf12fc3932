package it.rivendo.services.internal;

import it.rivendo.catalog.IdentificationMode;
import it.rivendo.services.ExpiringFilter;
import it.rivendo.services.ExpiringServices;
import it.rivendo.services.RenewalWindow;
import it.rivendo.services.ServiceStatus;
import it.rivendo.shared.Formats;
import it.rivendo.shared.LocalizedText;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The read model of "In scadenza": a reseller's services with a date that is near or just
 * past, filtered, ordered by date and paged by PostgreSQL. A service counts when it runs
 * (active or suspended) and its date falls before {@code before}, or when its term ended
 * and it can still be renewed (inside its grace days at {@code now}).
 */
@Component
public class ExpiringRows {

	static final int FETCH_SIZE = 500;

	private static final String COLUMNS = """
			select s.id, s.product_id, s.product_code, s.product_name, s.product_name_en, f.code as family_code,
			       s.mode, s.order_number, s.customer_email, s.customer_name, s.status, s.valid_until,
			       s.renewal_opens_days, s.renewal_grace_days
			""";

	/**
	 * The filters of the page, on a service {@code s} of product {@code p} of family
	 * {@code f}.
	 */
	private static final String FILTERS = """
			  and (:family = '' or f.code = :family)
			  and (:product = '' or s.product_code = :product)
			  and (:email = '' or strpos(lower(s.customer_email), :email) > 0)
			  and (cast(:placedBy as bigint) is null or s.placed_by_user_id = cast(:placedBy as bigint))
			""";

	/**
	 * The oldest date an ended service still in its grace days can have: the longest
	 * grace of any ended service (V172's index answers it), a day more for the hour a
	 * change of summer time moves. Without it the ended services of the last 366 days
	 * were all read on every view (30,000 lapsed services: 6-16 ms).
	 */
	private static final String GRACE_START = """
			cast(:now as timestamptz) - (select coalesce(max(g.renewal_grace_days), 0) + 1 from purchased_service g
			                             where g.status = 'TERM_ENDED') * interval '1 day'""";

	/**
	 * The running services (active or suspended) with a date before {@code :before}, read
	 * in date order from V83's index of the running services.
	 */
	private static final String RUNNING = """
			from purchased_service s
			join product p on p.id = s.product_id
			join product_family f on f.id = p.family_id
			where s.reseller_id = :reseller and s.status in ('ACTIVE', 'SUSPENDED') and s.valid_until is not null
			  and s.valid_until < :before
			""" + FILTERS;

	/**
	 * The ended services still in their grace days at {@code :now}, read in date order
	 * from V83's index of the ended services from {@link #GRACE_START} on.
	 */
	private static final String ENDED = """
			from purchased_service s
			join product p on p.id = s.product_id
			join product_family f on f.id = p.family_id
			where s.reseller_id = :reseller and s.status = 'TERM_ENDED' and s.valid_until < :now
			  and s.valid_until >= """ + GRACE_START + """

			  and s.valid_until + s.renewal_grace_days * interval '1 day' >= :now
			""" + FILTERS;

	/**
	 * The distinct products of a reseller's services that have a date, read as a loose
	 * index scan (one probe of {@code purchased_service_reseller_product_idx} per
	 * product, whatever the number of services); its last row is a null, which the
	 * queries leave out before looking anything up for it.
	 */
	private static final String PRODUCT_IDS = """
			with recursive ids(product_id) as (
			  (select product_id from purchased_service
			   where reseller_id = :reseller and valid_until is not null order by product_id limit 1)
			  union all
			  select (select s.product_id from purchased_service s
			          where s.reseller_id = :reseller and s.valid_until is not null and s.product_id > ids.product_id
			          order by s.product_id limit 1)
			  from ids where ids.product_id is not null)
			""";

	/**
	 * The distinct products of the services one user of the team bought that have a date
	 * (an Operatore who sees only its own: few services, read through
	 * {@code purchased_service_placed_by_idx}).
	 */
	private static final String PRODUCT_IDS_OF_USER = """
			with ids(product_id) as (
			  select distinct product_id from purchased_service
			  where reseller_id = :reseller and placed_by_user_id = :placedBy and valid_until is not null)
			""";

	private final JdbcClient jdbc;

	private final JdbcClient cursor;

	ExpiringRows(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		JdbcTemplate fetching = new JdbcTemplate(dataSource);
		fetching.setFetchSize(FETCH_SIZE);
		this.cursor = JdbcClient.create(fetching);
	}

	/** One page of rows, soonest date first. */
	public List<Row> page(long resellerId, ExpiringFilter filter, Instant now, Instant before, long offset, int limit) {
		// each kind read from its own index in date order, as far as the page needs, then
		// merged: one condition with an "or" read every service of the reseller from its
		// first date on, the lapsed ones too (100,000 services, none due: 45 ms)
		String upTo = " order by s.valid_until, s.id limit :upTo) union all (";
		return bind(jdbc.sql("(" + COLUMNS + RUNNING + upTo + COLUMNS + ENDED
				+ " order by s.valid_until, s.id limit :upTo) order by valid_until, id limit :limit offset :offset"),
				resellerId, filter, now, before)
			.param("upTo", offset + limit)
			.param("limit", limit)
			.param("offset", offset)
			.query(ExpiringRows::row)
			.list();
	}

	/**
	 * How many services match for each product and mode: what renewing them all takes.
	 * The running ones are the counts kept per day of expiry ({@code expiring_count},
	 * V168: a few hundred rows for a reseller, whatever its number of services) unless
	 * the filter needs the services themselves (a customer's e-mail, one user's
	 * services): then they are counted over V83's covering index of the running services.
	 * The ended ones still in their grace days are always counted over V83's other index
	 * (their grace ends at any time of day). Grouped before the products are joined for
	 * the family filter. The same services as {@link #page}'s: an ended service is looked
	 * for from {@link #GRACE_START} on.
	 */
	public List<Count> counts(long resellerId, ExpiringFilter filter, Instant now, Instant before) {
		String byService = (filter.email().isEmpty() ? "" : " and strpos(lower(customer_email), :email) > 0")
				+ (filter.placedBy() == null ? "" : " and placed_by_user_id = :placedBy");
		LocalDate keptBefore = byService.isEmpty() ? keptDay(before) : null;
		String running = (keptBefore != null) ? """
				select product_id, product_code, mode, sum(services) as services from expiring_count
				where reseller_id = :reseller and day < :beforeDay
				group by product_id, product_code, mode""" : """
				select product_id, product_code, mode, count(*) as services from purchased_service
				where reseller_id = :reseller and status in ('ACTIVE', 'SUSPENDED') and valid_until < :before%s
				group by product_id, product_code, mode""".formatted(byService);
		return bind(jdbc.sql("""
				select g.product_id, g.mode, sum(g.services) as services
				from (%s
				      union all
				      select product_id, product_code, mode, count(*) from purchased_service
				      where reseller_id = :reseller and status = 'TERM_ENDED' and valid_until < :now
				        and valid_until >= %s
				        and valid_until + renewal_grace_days * interval '1 day' >= :now%s
				      group by product_id, product_code, mode) g
				join product p on p.id = g.product_id
				join product_family f on f.id = p.family_id
				where (:family = '' or f.code = :family) and (:product = '' or g.product_code = :product)
				group by g.product_id, g.mode having sum(g.services) > 0
				order by g.product_id, g.mode""".formatted(running, GRACE_START, byService)), resellerId, filter, now,
				before)
			.param("beforeDay", keptBefore, Types.DATE)
			.query((rs, i) -> new Count(rs.getLong("product_id"), IdentificationMode.valueOf(rs.getString("mode")),
					rs.getLong("services")))
			.list();
	}

	/**
	 * How many services run out before {@code before} (those already ended aside), of the
	 * user {@code placedBy} (null: of the whole team, from the kept counts).
	 */
	public long countRunningBefore(long resellerId, @Nullable Long placedBy, Instant before) {
		LocalDate keptBefore = placedBy == null ? keptDay(before) : null;
		if (keptBefore != null) {
			return jdbc.sql("""
					select coalesce(sum(services), 0) from expiring_count
					where reseller_id = :reseller and day < :beforeDay""")
				.param("reseller", resellerId)
				.param("beforeDay", keptBefore)
				.query(Long.class)
				.single();
		}
		return jdbc.sql("""
				select count(*) from purchased_service
				where reseller_id = :reseller and status in ('ACTIVE', 'SUSPENDED') and valid_until < :before
				  and (cast(:placedBy as bigint) is null or placed_by_user_id = cast(:placedBy as bigint))""")
			.param("reseller", resellerId)
			.param("placedBy", placedBy, Types.BIGINT)
			.param("before", Timestamp.from(before))
			.query(Long.class)
			.single();
	}

	/**
	 * Folds the kept counts' rows of changes into one row per reseller, product, mode and
	 * day, dropping the keys that sum to zero (the services ended, renewed or cancelled).
	 * One statement: a reader sums the same before and after it, the triggers' rows
	 * written meanwhile are left for the next fold, and two instances folding at once
	 * each fold only the rows their own delete took.
	 * @return how many folded rows it wrote
	 */
	public int foldCounts() {
		return jdbc.sql("""
				with taken as (
				  delete from expiring_count c
				  using (select distinct reseller_id, product_id, product_code, mode, day
				         from expiring_count where not folded) k
				  where c.reseller_id = k.reseller_id and c.product_id = k.product_id
				    and c.product_code = k.product_code and c.mode = k.mode and c.day = k.day
				  returning c.reseller_id, c.product_id, c.product_code, c.mode, c.day, c.services)
				insert into expiring_count (reseller_id, product_id, product_code, mode, day, services, folded)
				select reseller_id, product_id, product_code, mode, day, sum(services), true from taken
				group by reseller_id, product_id, product_code, mode, day having sum(services) <> 0""").update();
	}

	/**
	 * The day whose start {@code before} is, in the shop's time zone: the kept counts
	 * answer only for whole days (the page's windows end at a midnight); null otherwise.
	 */
	private static @Nullable LocalDate keptDay(Instant before) {
		LocalDate day = LocalDate.ofInstant(before, Formats.SHOP_ZONE);
		return day.atStartOfDay(Formats.SHOP_ZONE).toInstant().equals(before) ? day : null;
	}

	/**
	 * Every matching row in the page's order, handed over as PostgreSQL sends them (a
	 * cursor with a fetch size: the caller holds a read-only transaction).
	 */
	public void forEach(long resellerId, ExpiringFilter filter, Instant now, Instant before, Consumer<Row> action) {
		bind(cursor.sql(COLUMNS + RUNNING + " union all " + COLUMNS + ENDED + " order by valid_until, id"), resellerId,
				filter, now, before)
			.query((RowCallbackHandler) rs -> action.accept(row(rs, 0)));
	}

	/**
	 * The families and products of a reseller's services that have a date, for the
	 * filters; only those the user {@code placedBy} bought, when given.
	 */
	public List<ExpiringServices.Choice> families(long resellerId, @Nullable Long placedBy) {
		return jdbc.sql(productIds(placedBy) + """
				select distinct f.code, f.name_it, f.name_en, f.sort_order from ids
				join product p on p.id = ids.product_id join product_family f on f.id = p.family_id
				order by f.sort_order, f.code""")
			.param("reseller", resellerId)
			.param("placedBy", placedBy, Types.BIGINT)
			.query((rs, i) -> new ExpiringServices.Choice(rs.getString("code"),
					new LocalizedText(rs.getString("name_it"), rs.getString("name_en"))))
			.list();
	}

	/**
	 * Each product by its code, named as its newest service has it; only those the user
	 * {@code placedBy} bought, when given.
	 */
	public List<ExpiringServices.Choice> products(long resellerId, @Nullable Long placedBy) {
		return jdbc
			.sql(productIds(placedBy)
					+ """
							select distinct on (newest.product_code) newest.product_code, newest.product_name, newest.product_name_en
							from ids cross join lateral (
							  select s.id, s.product_code, s.product_name, s.product_name_en from purchased_service s
							  where s.reseller_id = :reseller and s.valid_until is not null and s.product_id = ids.product_id
							  order by s.id desc limit 1) newest
							where ids.product_id is not null
							order by newest.product_code, newest.id desc""")
			.param("reseller", resellerId)
			.param("placedBy", placedBy, Types.BIGINT)
			.query((rs, i) -> new ExpiringServices.Choice(rs.getString("product_code"),
					new LocalizedText(rs.getString("product_name"), rs.getString("product_name_en"))))
			.list();
	}

	private static String productIds(@Nullable Long placedBy) {
		return placedBy == null ? PRODUCT_IDS : PRODUCT_IDS_OF_USER;
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, long resellerId, ExpiringFilter filter,
			Instant now, Instant before) {
		return spec.param("reseller", resellerId)
			.param("now", Timestamp.from(now))
			.param("before", Timestamp.from(before))
			.param("family", filter.family())
			.param("product", filter.product())
			.param("email", filter.email())
			.param("placedBy", filter.placedBy(), Types.BIGINT);
	}

	private static Row row(ResultSet rs, int rowNum) throws SQLException {
		Instant validUntil = rs.getTimestamp("valid_until").toInstant();
		return new Row(rs.getLong("id"), rs.getLong("product_id"), rs.getString("product_code"),
				new LocalizedText(rs.getString("product_name"), rs.getString("product_name_en")),
				rs.getString("family_code"), IdentificationMode.valueOf(rs.getString("mode")),
				rs.getString("order_number"), rs.getString("customer_email"), rs.getString("customer_name"),
				ServiceStatus.valueOf(rs.getString("status")), validUntil,
				new RenewalWindow(validUntil.minus(Duration.ofDays(rs.getInt("renewal_opens_days"))),
						validUntil.plus(Duration.ofDays(rs.getInt("renewal_grace_days")))));
	}

	/**
	 * A matching service, with its renewal window (as {@code PurchasedService} has it).
	 */
	public record Row(long id, long productId, String productCode, LocalizedText productName, String familyCode,
			IdentificationMode mode, String orderNumber, String customerEmail, String customerName,
			ServiceStatus status, Instant validUntil, RenewalWindow renewalWindow) {
	}

	/** How many matching services of one product in one mode. */
	public record Count(long productId, IdentificationMode mode, long services) {
	}

}
