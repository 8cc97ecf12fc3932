package it.rivendo.shared;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
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
 * <p>
 * What a signed-in page view reads on every page anyway (the frame's credit and cart
 * count) is read in the same statement ({@link Alongside}): the modules that own it say
 * what to add, and take it back from {@link #alongside} in that page view. A writing
 * transaction begun in the request drops what was read, so a later use reads again.
 */
@Component
public class Versions implements TransactionExecutionListener {

	private static final String READ_IN_REQUEST = Versions.class.getName();

	private final JdbcClient jdbc;

	private final ObjectProvider<Alongside> alongside;

	Versions(JdbcClient jdbc, ObjectProvider<Alongside> alongside) {
		this.jdbc = jdbc;
		this.alongside = alongside;
	}

	/**
	 * Something a page view reads on every page, read in the versions' statement (issue
	 * 22: one round trip less for each).
	 */
	public interface Alongside {

		/**
		 * What to read for this request (its signed-in user), if anything: a scalar
		 * subquery whose one parameter is written {@code :value}.
		 */
		Optional<Column> column();

	}

	/**
	 * A scalar subquery read with the versions, kept under {@code name} for the page
	 * view.
	 *
	 * @param name what it is and for whom, e.g. {@code "credit.balance 12"}
	 * @param sql e.g. {@code (select balance from credit_account where reseller_id =
	 * :value)}
	 * @param value its parameter
	 */
	public record Column(String name, String sql, Object value) {
	}

	/** A value read with the versions in this page view; it may be null. */
	public record Kept(@Nullable Object value) {
	}

	/**
	 * The value read with the versions under {@code name} in this page view, if it was
	 * read and this use may take it (the same rule as for the versions: a page view,
	 * outside a writing transaction, and no writing transaction begun since).
	 */
	public Optional<Kept> alongside(String name) {
		ServletRequestAttributes request = keptInRequest() ? pageView() : null;
		if (request != null
				&& request.getAttribute(READ_IN_REQUEST, RequestAttributes.SCOPE_REQUEST) instanceof Read kept
				&& kept.alongside().containsKey(name)) {
			return Optional.of(new Kept(kept.alongside().get(name)));
		}
		return Optional.empty();
	}

	/** A writing transaction in a page view: what was read before is read again. */
	@Override
	public void afterBegin(TransactionExecution transaction, @Nullable Throwable beginFailure) {
		if (!transaction.isReadOnly()) {
			ServletRequestAttributes request = pageView();
			if (request != null) {
				request.removeAttribute(READ_IN_REQUEST, RequestAttributes.SCOPE_REQUEST);
			}
		}
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
		List<Column> columns = request == null ? List.of()
				: this.alongside.orderedStream().flatMap(read -> read.column().stream()).toList();
		StringBuilder sql = new StringBuilder("""
				select (select version from catalog_version where id = 1) as catalog,
				       (select version from account_version where id = 1) as accounts""");
		Map<String, Object> params = new HashMap<>();
		for (int i = 0; i < columns.size(); i++) {
			sql.append(",\n       ").append(columns.get(i).sql().replace(":value", ":a" + i)).append(" as a").append(i);
			params.put("a" + i, columns.get(i).value());
		}
		Read read = this.jdbc.sql(sql.toString()).params(params).query((row, n) -> {
			Map<String, Object> values = new HashMap<>();
			for (int i = 0; i < columns.size(); i++) {
				values.put(columns.get(i).name(), row.getObject("a" + i));
			}
			return new Read(row.getObject("catalog", Long.class), row.getObject("accounts", Long.class), values);
		}).single();
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

	private record Read(Long catalog, Long accounts, Map<String, Object> alongside) {
	}

}
