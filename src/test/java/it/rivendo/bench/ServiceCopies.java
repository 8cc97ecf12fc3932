package it.rivendo.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The renewal benchmarks' services: {@code size} active copies of services bought the
 * shop's way, written in one SQL statement, expiring evenly from tomorrow to a year from
 * {@code now}, each with its own end customer's e-mail, one in {@code autoRenewEvery}
 * with automatic renewal (0: none). The templates take turns; each copy belongs to its
 * template's reseller, or, with {@code resellers} > 0, to the reseller
 * {@code firstReseller + n % resellers} (ids given in a row, as the benchmarks create
 * them).
 * <p>
 * After the copy the table is vacuumed and analyzed, as autovacuum would have done in a
 * shop that has held these services for a while: without it the visibility map is empty
 * (the rows were written a moment ago), so the planner reads the table instead of
 * choosing the index-only scans the shop's counts are made for (18 ms against 5 ms for 90
 * days at 100,000 services), which measures a state a real shop is in only for the minute
 * after a bulk load.
 */
record ServiceCopies(List<Long> templates, int size, int autoRenewEvery, long firstReseller, int resellers) {

	/** Copies that stay with their template's reseller. */
	static ServiceCopies of(List<Long> templates, int size, int autoRenewEvery) {
		return new ServiceCopies(templates, size, autoRenewEvery, 0, 0);
	}

	/** Copies of one template spread over {@code resellers} resellers. */
	static ServiceCopies spread(long template, int size, int autoRenewEvery, long firstReseller, int resellers) {
		return new ServiceCopies(List.of(template), size, autoRenewEvery, firstReseller, resellers);
	}

	void insert(JdbcClient jdbc, DataSource dataSource, Instant now) {
		jdbc.sql("""
				insert into purchased_service (reseller_id, order_id, order_number, order_line_id, product_id,
				    product_code, product_name, product_name_en, mode, price_paid, status, customer_email,
				    customer_name, purchased_at, activation_deadline, updated_at, term_months, renewal_opens_days,
				    renewal_grace_days, valid_until, activated_at, auto_renew)
				select case when :resellers > 0 then :first + g % greatest(:resellers, 1) else t.reseller_id end,
				       t.order_id, t.order_number, t.order_line_id, t.product_id,
				       t.product_code, t.product_name, t.product_name_en, t.mode, t.price_paid, 'ACTIVE',
				       'cliente' || g || '@cliente.it', t.customer_name, t.purchased_at, t.activation_deadline,
				       t.updated_at, t.term_months, t.renewal_opens_days, t.renewal_grace_days,
				       cast(:now as timestamptz) + (1 + (g * 365.0 / :size)) * interval '1 day', t.activated_at,
				       :every > 0 and g % greatest(:every, 1) = 0
				from generate_series(1, :size) g
				join (select *, row_number() over (order by id) - 1 as k from purchased_service where id in (:ids)) t
				  on t.k = g % :templates""")
			.param("now", Timestamp.from(now))
			.param("size", size)
			.param("every", autoRenewEvery)
			.param("first", firstReseller)
			.param("resellers", resellers)
			.param("ids", templates)
			.param("templates", templates.size())
			.update();
		vacuumAnalyze(dataSource);
	}

	/**
	 * {@code vacuum analyze purchased_service}, on a connection of its own in autocommit
	 * ({@code vacuum} cannot run inside a transaction block).
	 */
	static void vacuumAnalyze(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(true);
			try {
				statement.execute("vacuum analyze purchased_service");
			}
			finally {
				connection.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("vacuum analyze purchased_service", ex);
		}
	}

}
