package it.rivendo.ordering;

import it.rivendo.shared.Money;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every reseller's orders in a period, for staff exports, handed over one row at a time
 * as PostgreSQL sends them (a cursor with a fetch size, inside a read-only transaction):
 * nothing is collected in memory.
 */
@Service
public class OrderExport {

	static final int FETCH_SIZE = 500;

	private final JdbcTemplate jdbc;

	OrderExport(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.jdbc.setFetchSize(FETCH_SIZE);
	}

	/**
	 * Orders created from {@code from} (included) to {@code to} (excluded), oldest first.
	 */
	@Transactional(readOnly = true)
	public void forEach(Instant from, Instant to, Consumer<Row> action) {
		jdbc.query("""
				select o.number, o.created_at, o.status, o.reseller_id, r.company_name as reseller_name,
				       o.customer_type,
				       case when o.customer_type <> 'PERSON' then o.company_name
				            else o.first_name || ' ' || o.last_name end as recipient,
				       o.vat_number, o.tax_code, o.taxable_amount, o.vat_amount, o.total_amount,
				       (select coalesce(sum(l.quantity), 0) from order_line l where l.order_id = o.id) as items,
				       (select string_agg(l.renews_service_id::text, ' ' order by l.line_no) from order_line l
				        where l.order_id = o.id and l.renews_service_id is not null) as renewed
				from purchase_order o join reseller r on r.id = o.reseller_id
				where o.created_at >= ? and o.created_at < ?
				order by o.created_at, o.id""", row -> {
			action.accept(new Row(row.getString("number"), row.getTimestamp("created_at").toInstant(),
					row.getString("status"), row.getLong("reseller_id"), row.getString("reseller_name"),
					row.getString("customer_type"), row.getString("recipient"), row.getString("vat_number"),
					row.getString("tax_code"), Money.of(row.getBigDecimal("taxable_amount")),
					Money.of(row.getBigDecimal("vat_amount")), Money.of(row.getBigDecimal("total_amount")),
					row.getInt("items"), row.getString("renewed") == null ? "" : row.getString("renewed")));
		}, Timestamp.from(from), Timestamp.from(to));
	}

	/**
	 * One order as exported; {@code renewedServices} lists the ids of the purchased
	 * services its lines renewed, separated by spaces (empty: no renewal).
	 */
	public record Row(String number, Instant createdAt, String status, long resellerId, String resellerName,
			String customerType, String recipient, String vatNumber, String taxCode, Money taxable, Money vat,
			Money total, int items, String renewedServices) {

		/** Whether the order renewed any service. */
		public boolean renewal() {
			return !renewedServices.isEmpty();
		}

	}

}
