package it.rivendo.ordering;

import it.rivendo.ordering.internal.BillingCustomerRepository;
import it.rivendo.ordering.internal.Order;
import it.rivendo.ordering.internal.OrderRepository;
import it.rivendo.shared.Formats;
import it.rivendo.shared.Money;
import it.rivendo.shared.NotFoundException;
import it.rivendo.shared.VatBreakdown;
import it.rivendo.shared.VatBreakdown.TaxableLine;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A reseller's orders and address book, read-only. Another reseller's order is simply not
 * found.
 */
@Service
@Transactional(readOnly = true)
public class OrderHistory {

	private final OrderRepository orders;

	private final BillingCustomerRepository customers;

	private final JdbcClient jdbc;

	OrderHistory(OrderRepository orders, BillingCustomerRepository customers, JdbcClient jdbc) {
		this.orders = orders;
		this.customers = customers;
		this.jdbc = jdbc;
	}

	public Page<OrderSummary> page(long resellerId, Pageable page) {
		return page(resellerId, null, page);
	}

	/**
	 * A page of the reseller's orders, newest first, each with the name of the user who
	 * placed it.
	 * @param placedBy only those placed by this user of the team; null for all
	 */
	public Page<OrderSummary> page(long resellerId, @Nullable Long placedBy, Pageable page) {
		List<OrderSummary> rows = rows(resellerId, placedBy, page.getPageSize(), page.getOffset());
		long total = jdbc.sql("""
				select count(*) from purchase_order where reseller_id = :reseller
				  and (cast(:placedBy as bigint) is null or placed_by_user_id = cast(:placedBy as bigint))""")
			.param("reseller", resellerId)
			.param("placedBy", placedBy, java.sql.Types.BIGINT)
			.query(Long.class)
			.single();
		return new PageImpl<>(rows, page, total);
	}

	/**
	 * The reseller's last orders, newest first, as {@link #page} lists them, without
	 * counting them all (the home page's list: issue 22).
	 * @param placedBy only those placed by this user of the team; null for all
	 */
	public List<OrderSummary> latest(long resellerId, @Nullable Long placedBy, int limit) {
		return rows(resellerId, placedBy, limit, 0);
	}

	private List<OrderSummary> rows(long resellerId, @Nullable Long placedBy, int limit, long offset) {
		return jdbc.sql("""
				select o.number, o.created_at, o.total_amount, o.status,
				       case when o.customer_type <> 'PERSON' then o.company_name
				            else o.first_name || ' ' || o.last_name end as recipient,
				       (select coalesce(sum(l.quantity), 0) from order_line l where l.order_id = o.id) as items,
				       u.display_name as placed_by
				from purchase_order o left join user_account u on u.id = o.placed_by_user_id
				where o.reseller_id = :reseller
				  and (cast(:placedBy as bigint) is null or o.placed_by_user_id = cast(:placedBy as bigint))
				order by o.created_at desc, o.id desc
				limit :limit offset :offset""")
			.param("reseller", resellerId)
			.param("placedBy", placedBy, java.sql.Types.BIGINT)
			.param("limit", limit)
			.param("offset", offset)
			.query((row, i) -> new OrderSummary(row.getString("number"), row.getTimestamp("created_at").toInstant(),
					Money.of(row.getBigDecimal("total_amount")), row.getString("status"), row.getInt("items"),
					row.getString("recipient"), row.getString("placed_by")))
			.list();
	}

	/**
	 * A reseller's orders newest first, a slice at a time (keyset on the order's id: the
	 * next slice starts below the last id seen).
	 * @param beforeId only orders with a smaller id; null for the newest
	 */
	public List<Listed> before(long resellerId, @Nullable Long beforeId, int limit) {
		return jdbc.sql("""
				select o.id, o.number, o.created_at, o.total_amount, o.status,
				       case when o.customer_type <> 'PERSON' then o.company_name
				            else o.first_name || ' ' || o.last_name end as recipient,
				       (select coalesce(sum(l.quantity), 0) from order_line l where l.order_id = o.id) as items
				from purchase_order o
				where o.reseller_id = :reseller and (cast(:before as bigint) is null or o.id < cast(:before as bigint))
				order by o.id desc
				limit :limit""")
			.param("reseller", resellerId)
			.param("before", beforeId, java.sql.Types.BIGINT)
			.param("limit", limit)
			.query((row, i) -> new Listed(row.getLong("id"),
					new OrderSummary(row.getString("number"), row.getTimestamp("created_at").toInstant(),
							Money.of(row.getBigDecimal("total_amount")), row.getString("status"), row.getInt("items"),
							row.getString("recipient"), null)))
			.list();
	}

	/** An order of {@link #before}, with the id that pages on. */
	public record Listed(long id, OrderSummary summary) {
	}

	/**
	 * @throws NotFoundException when there is no such order, or it is another reseller's
	 */
	public OrderDetails details(long resellerId, String number) {
		return detailsOf(
				orders.findOwned(resellerId, number).orElseThrow(() -> new NotFoundException("order " + number)));
	}

	/**
	 * One of the reseller's orders, for a user who may see only those it placed.
	 * @param placedBy the user who sees only its own orders; null when the user sees the
	 * whole team's
	 * @throws NotFoundException when there is no such order, it is another reseller's, or
	 * a teammate's and the user sees only its own
	 */
	public OrderDetails details(long resellerId, @Nullable Long placedBy, String number) {
		return detailsOf(orders.findOwned(resellerId, number)
			.filter(order -> placedBy == null || placedBy.equals(order.placedByUserId()))
			.orElseThrow(() -> new NotFoundException("order " + number)));
	}

	/**
	 * Checks that a user who may see only the orders it placed may see this one; asks
	 * nothing of the database when the user sees the whole team's.
	 * @param placedBy the user who sees only its own orders; null when the user sees the
	 * whole team's
	 * @throws NotFoundException when the user sees only its own orders and this is not
	 * one of them
	 */
	public void requireVisible(long resellerId, @Nullable Long placedBy, String number) {
		if (placedBy != null && jdbc.sql("""
				select count(*) from purchase_order
				where reseller_id = :reseller and number = :number and placed_by_user_id = :placedBy""")
			.param("reseller", resellerId)
			.param("number", number)
			.param("placedBy", placedBy)
			.query(Long.class)
			.single() == 0) {
			throw new NotFoundException("order " + number);
		}
	}

	/**
	 * Any reseller's order, for staff pages. @throws NotFoundException when there is no
	 * such order
	 */
	public OrderDetails details(String number) {
		return detailsOf(
				orders.findByNumberWithLines(number).orElseThrow(() -> new NotFoundException("order " + number)));
	}

	private static OrderDetails detailsOf(Order order) {
		List<OrderDetails.Line> lines = order.lines()
			.stream()
			.map(line -> new OrderDetails.Line(line.lineNo(), line.productCode(), line.productName(), line.mode(),
					line.quantity(), line.unitListPrice(), line.discountPercent(), line.unitNetPrice(), line.vatRate(),
					line.lineNet(), line.renewal()))
			.toList();
		VatBreakdown totals = VatBreakdown
			.of(lines.stream().map(line -> new TaxableLine(line.lineNet(), line.vatRate())).toList());
		return new OrderDetails(order.id(), order.number(), order.resellerId(), order.createdAt(),
				order.status().name(), order.billing(), lines, totals);
	}

	/**
	 * Staff search of every reseller's orders, newest first. Each criterion is optional:
	 * part of the order number, part of the reseller's company name or e-mail, a period
	 * of Italian days, a status.
	 */
	public Page<StaffOrderRow> search(String number, String reseller, java.time.LocalDate from, java.time.LocalDate to,
			String status, Pageable page) {
		String where = """
				from purchase_order o join reseller r on r.id = o.reseller_id
				where (:number = '' or o.number like :numberLike)
				  and (:reseller = '' or lower(r.company_name) like :resellerLike or exists (
				       select 1 from user_account u where u.reseller_id = r.id and lower(u.email) like :resellerLike))
				  and (cast(:from as date) is null or o.created_at >= (cast(:from as date)::timestamp at time zone :zone))
				  and (cast(:to as date) is null or o.created_at < ((cast(:to as date) + 1)::timestamp at time zone :zone))
				  and (:status = '' or o.status = :status)""";
		String numberText = number == null ? "" : number.strip();
		String resellerText = reseller == null ? "" : reseller.strip().toLowerCase(java.util.Locale.ROOT);
		String statusText = "PAID".equals(status) || "CANCELLED".equals(status) ? status : "";
		java.util.function.UnaryOperator<JdbcClient.StatementSpec> bind = spec -> spec.param("number", numberText)
			.param("numberLike", "%" + numberText.replace("%", "").replace("_", "") + "%")
			.param("reseller", resellerText)
			.param("resellerLike", "%" + resellerText.replace("%", "").replace("_", "") + "%")
			.param("from", from == null ? null : java.sql.Date.valueOf(from), java.sql.Types.DATE)
			.param("to", to == null ? null : java.sql.Date.valueOf(to), java.sql.Types.DATE)
			.param("status", statusText)
			.param("zone", Formats.SHOP_ZONE.getId());
		List<StaffOrderRow> rows = bind.apply(jdbc.sql("""
				select o.number, o.created_at, o.total_amount, o.status, r.id as reseller_id, r.company_name
				""" + where + " order by o.created_at desc, o.id desc limit :limit offset :offset"))
			.param("limit", page.getPageSize())
			.param("offset", page.getOffset())
			.query((row, i) -> new StaffOrderRow(row.getString("number"), row.getTimestamp("created_at").toInstant(),
					Money.of(row.getBigDecimal("total_amount")), row.getString("status"), row.getLong("reseller_id"),
					row.getString("company_name")))
			.list();
		long total = bind.apply(jdbc.sql("select count(*) " + where)).query(Long.class).single();
		return new PageImpl<>(rows, page, total);
	}

	/** A row of the staff's order search. */
	public record StaffOrderRow(String number, java.time.Instant createdAt, Money total, String status, long resellerId,
			String resellerName) {
	}

	/**
	 * Paid orders and their revenue per day (Italian calendar days) from a day on, oldest
	 * first.
	 */
	public List<DailySales> dailySales(java.time.LocalDate from) {
		return jdbc.sql("""
				select (created_at at time zone :zone)::date as day, count(*) as orders,
				       sum(total_amount) as revenue
				from purchase_order
				where status = 'PAID' and created_at >= (cast(:from as date)::timestamp at time zone :zone)
				group by day order by day""")
			.param("from", java.sql.Date.valueOf(from))
			.param("zone", Formats.SHOP_ZONE.getId())
			.query((row, i) -> new DailySales(row.getDate("day").toLocalDate(), row.getLong("orders"),
					Money.of(row.getBigDecimal("revenue"))))
			.list();
	}

	/** One day's paid orders. */
	public record DailySales(java.time.LocalDate day, long orders, Money revenue) {
	}

	public List<SavedCustomer> addressBook(long resellerId) {
		return customers.findByResellerIdOrderByIdDesc(resellerId)
			.stream()
			.map(customer -> new SavedCustomer(customer.id(), customer.details()))
			.toList();
	}

	public Optional<SavedCustomer> savedCustomer(long resellerId, long customerId) {
		return customers.findByIdAndResellerId(customerId, resellerId)
			.map(customer -> new SavedCustomer(customer.id(), customer.details()));
	}

}
