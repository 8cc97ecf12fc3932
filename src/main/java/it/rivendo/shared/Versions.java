package it.rivendo.shared;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The versions of what the shop keeps between requests (issue 22): the catalog's
 * ({@code catalog_version}, V160 and V161: products, families, prices, tiers, placements,
 * overrides) and the accounts' ({@code account_version}, V162: what decides whether a
 * signed-in user may go on). Every change renews its version in the changing transaction,
 * on whichever instance, so what is kept under a version is as new as the version. Both
 * are read in one statement, once per page view (a GET): the first use reads them, later
 * uses in the same request (the signed-in check, the page's reads, the frame's) take that
 * read, so a change shows from the next page on. A request that may change what they
 * cover (any other method), a transaction that may write and a use outside a web request
 * read them at each use, and so see their own changes.
 */
@Component
public class Versions {

	private static final String READ_IN_REQUEST = Versions.class.getName();

	private final JdbcClient jdbc;

	Versions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The catalog's version; empty when there is none to tell (an emptied table). */
	public Optional<Long> catalog() {
		return Optional.ofNullable(read().catalog());
	}

	/** The accounts' version; empty when there is none to tell (an emptied table). */
	public Optional<Long> accounts() {
		return Optional.ofNullable(read().accounts());
	}

	private Read read() {
		ServletRequestAttributes request = keptInRequest() ? pageView() : null;
		if (request != null
				&& request.getAttribute(READ_IN_REQUEST, RequestAttributes.SCOPE_REQUEST) instanceof Read kept) {
			return kept;
		}
		Read read = this.jdbc.sql("""
				select (select version from catalog_version where id = 1) as catalog,
				       (select version from account_version where id = 1) as accounts""")
			.query((row, i) -> new Read(row.getObject("catalog", Long.class), row.getObject("accounts", Long.class)))
			.single();
		if (request != null) {
			request.setAttribute(READ_IN_REQUEST, read, RequestAttributes.SCOPE_REQUEST);
		}
		return read;
	}

	/** The web request this thread serves, if it is a page view (GET or HEAD). */
	private static ServletRequestAttributes pageView() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				&& ("GET".equals(attributes.getRequest().getMethod())
						|| "HEAD".equals(attributes.getRequest().getMethod())) ? attributes : null;
	}

	/**
	 * Outside a transaction, or in a read-only one: nothing of this request's own to see.
	 */
	private static boolean keptInRequest() {
		return !TransactionSynchronizationManager.isActualTransactionActive()
				|| TransactionSynchronizationManager.isCurrentTransactionReadOnly();
	}

	private record Read(Long catalog, Long accounts) {
	}

}
