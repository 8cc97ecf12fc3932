package it.rivendo.catalog.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the shop keeps of the catalog between pages (issue 22): the same for every
 * reseller (rows at list price, the main menu), kept under the catalog's version
 * ({@code catalog_version}, V160), which every change to a product, family or price
 * renews in its own transaction, whichever instance or tool makes it. Each use reads the
 * version first (one primary-key row) and then, on a miss, the rows: rows read after the
 * version are at least as new as it, so nothing older than the version is kept under it,
 * and a change shows on every instance at its next page. Prices per reseller are worked
 * out from these rows at each page, with the reseller's discount policy of that moment.
 */
@Component
public class CatalogCache {

	/** At most this many entries (pages of searches, the menu); then it starts again. */
	static final int MAX_ENTRIES = 1_000;

	private final JdbcClient jdbc;

	private final Map<Key, Object> entries = new ConcurrentHashMap<>();

	private long version = Long.MIN_VALUE;

	CatalogCache(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * What {@code read} gives for {@code what} at the catalog's current version, read
	 * once per version. Run it in the transaction of the page's other reads.
	 * @param what the entry, a value with equals and hashCode (a record)
	 * @param read reads it from the database; what it returns must not change afterwards
	 */
	@SuppressWarnings("unchecked")
	public <T> T get(Object what, Supplier<T> read) {
		Optional<Long> now = this.jdbc.sql("select version from catalog_version where id = 1")
			.query(Long.class)
			.optional();
		if (now.isEmpty() || !current(now.get())) {
			// no version to tell (an emptied table) or an older one than the kept
			// entries:
			// read, keep nothing
			return read.get();
		}
		Key key = new Key(now.get(), what);
		Object kept = this.entries.get(key);
		if (kept != null) {
			return (T) kept;
		}
		T value = read.get();
		if (this.entries.size() >= MAX_ENTRIES) {
			this.entries.clear();
		}
		this.entries.putIfAbsent(key, value);
		return value;
	}

	/**
	 * Moves the kept entries on to {@code seen} when it is newer (dropping the old ones);
	 * whether entries of {@code seen} may be kept.
	 */
	private synchronized boolean current(long seen) {
		if (seen > this.version) {
			this.entries.clear();
			this.version = seen;
		}
		return seen == this.version;
	}

	private record Key(long version, Object what) {
	}

}
