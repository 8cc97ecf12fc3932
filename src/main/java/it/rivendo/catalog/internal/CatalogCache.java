package it.rivendo.catalog.internal;

import it.rivendo.shared.Versions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the shop keeps of the catalog between pages (issue 22): the rows at list price and
 * the main menu, the same for every reseller, and each reseller's discount policy, kept
 * under the catalog's version ({@code catalog_version}, V160 and V161), which every
 * change to a product, family, price, tier, placement or override renews in its own
 * transaction, whichever instance or tool makes it. Each use takes the version first
 * ({@link Versions}: read once per page view) and then, on a miss, the rows: rows read
 * after the version are at least as new as it, so nothing older than the version is kept
 * under it, and a change shows on every instance at its next page.
 */
@Component
public class CatalogCache {

	/**
	 * At most this many entries (pages of searches, the menu, each reseller's policy,
	 * tier and placement); beyond it the one used longest ago goes, so the entries every
	 * page uses (the menu, the first catalog pages) stay however many resellers come by.
	 * It was cleared whole when full: a few hundred resellers filled it again and again
	 * (issue 22).
	 */
	static final int MAX_ENTRIES = 2_000;

	private final Versions versions;

	/** In the order of their last use; guarded by {@code this}. */
	private final Map<Key, Object> entries = new LinkedHashMap<>(256, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<Key, Object> eldest) {
			return size() > MAX_ENTRIES;
		}

	};

	private long version = Long.MIN_VALUE;

	CatalogCache(Versions versions) {
		this.versions = versions;
	}

	/**
	 * What {@code read} gives for {@code what} at the catalog's current version, read
	 * once per version. Run it in the transaction of the page's other reads; in a
	 * transaction that may write, it is read every time.
	 * @param what the entry, a value with equals and hashCode (a record)
	 * @param read reads it from the database; what it returns must not change afterwards
	 */
	@SuppressWarnings("unchecked")
	public <T> T get(Object what, Supplier<T> read) {
		if (TransactionSynchronizationManager.isActualTransactionActive()
				&& !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
			// a transaction that may write (a payment, a staff change) reads the rows as
			// they are in it, and keeps nothing: what it changed is not committed yet
			return read.get();
		}
		Optional<Long> now = this.versions.catalog();
		if (now.isEmpty() || !current(now.get())) {
			// no version to tell (an emptied table) or an older one than the kept
			// entries:
			// read, keep nothing
			return read.get();
		}
		Key key = new Key(now.get(), what);
		Object kept;
		synchronized (this) {
			kept = this.entries.get(key);
		}
		if (kept != null) {
			return (T) kept;
		}
		T value = read.get();
		synchronized (this) {
			if (key.version() == this.version) {
				this.entries.putIfAbsent(key, value);
			}
		}
		return value;
	}

	/** How many entries are kept. */
	synchronized int size() {
		return this.entries.size();
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
