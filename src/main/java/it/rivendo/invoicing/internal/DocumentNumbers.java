package it.rivendo.invoicing.internal;

import it.rivendo.invoicing.DocumentKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gap-free numbers: one counter row per (kind, year), incremented in the caller's
 * transaction. The row stays locked until that transaction ends, so concurrent issuers
 * take numbers one after the other; a rollback gives the number back. The row is created
 * on first use.
 */
@Component
class DocumentNumbers {

	private final JdbcClient jdbc;

	DocumentNumbers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	DocumentNumber next(DocumentKind kind, int year) {
		jdbc.sql(
				"insert into invoice_counter (kind, year, last_number) values (:kind, :year, 0) on conflict do nothing")
			.param("kind", kind.name())
			.param("year", year)
			.update();
		int seq = jdbc.sql("""
				update invoice_counter set last_number = last_number + 1
				where kind = :kind and year = :year
				returning last_number""").param("kind", kind.name()).param("year", year).query(Integer.class).single();
		return new DocumentNumber(year, seq);
	}

}
