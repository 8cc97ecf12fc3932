package it.rivendo.credit;

import it.rivendo.shared.Money;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every credit movement in a period, for staff exports, handed over one row at a time as
 * PostgreSQL sends them (a cursor with a fetch size, inside a read-only transaction):
 * nothing is collected in memory.
 */
@Service
public class LedgerExport {

	static final int FETCH_SIZE = 500;

	private final JdbcTemplate jdbc;

	LedgerExport(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.jdbc.setFetchSize(FETCH_SIZE);
	}

	/**
	 * Entries written from {@code from} (included) to {@code to} (excluded), in the order
	 * they were written.
	 */
	@Transactional(readOnly = true)
	public void forEach(Instant from, Instant to, Consumer<Row> action) {
		jdbc.query("""
				select c.*, r.company_name as reseller_name
				from credit_entry c join reseller r on r.id = c.reseller_id
				where c.created_at >= ? and c.created_at < ?
				order by c.created_at, c.id""", row -> {
			action.accept(
					new Row(row.getLong("id"), row.getTimestamp("created_at").toInstant(), row.getLong("reseller_id"),
							row.getString("reseller_name"), EntryKind.valueOf(row.getString("kind")),
							Money.of(row.getBigDecimal("amount")), Money.of(row.getBigDecimal("balance_after")),
							row.getString("reference"), row.getString("description"), row.getString("created_by")));
		}, Timestamp.from(from), Timestamp.from(to));
	}

	/** One movement as exported. */
	public record Row(long id, Instant createdAt, long resellerId, String resellerName, EntryKind kind, Money amount,
			Money balanceAfter, String reference, String description, String createdBy) {
	}

}
