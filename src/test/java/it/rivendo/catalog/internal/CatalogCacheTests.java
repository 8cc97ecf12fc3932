package it.rivendo.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import it.rivendo.shared.Versions;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The catalog cache stays bounded without dropping what every page uses (issue 22): it
 * was cleared whole when full, and with each reseller's entries in it a few hundred
 * resellers cleared the menu and the catalog's rows again and again.
 */
class CatalogCacheTests {

	private final Versions versions = mock(Versions.class);

	private final CatalogCache cache = new CatalogCache(versions);

	private final AtomicInteger menuReads = new AtomicInteger();

	@Test
	void theMenuStaysWhileManyResellersComeBy() {
		when(versions.catalog()).thenReturn(Optional.of(7L));
		for (int reseller = 0; reseller < 5 * CatalogCache.MAX_ENTRIES; reseller++) {
			// a page: the menu, then three entries of the reseller's
			assertThat(menu()).isEqualTo("menu");
			for (String what : new String[] { "policy", "tier", "placement" }) {
				long id = reseller;
				assertThat(cache.get(new ResellerEntry(what, id), () -> what + id)).isEqualTo(what + id);
			}
			assertThat(cache.size()).isLessThanOrEqualTo(CatalogCache.MAX_ENTRIES);
		}
		assertThat(menuReads).hasValue(1);
		assertThat(cache.size()).isEqualTo(CatalogCache.MAX_ENTRIES);
		// the most recent resellers' entries are kept, the oldest ones gone
		int last = 5 * CatalogCache.MAX_ENTRIES - 1;
		assertThat(cache.get(new ResellerEntry("policy", last), () -> "read again")).isEqualTo("policy" + last);
		assertThat(cache.get(new ResellerEntry("policy", 0), () -> "read again")).isEqualTo("read again");
	}

	@Test
	void aNewVersionDropsWhatWasKept() {
		when(versions.catalog()).thenReturn(Optional.of(7L));
		menu();
		menu();
		when(versions.catalog()).thenReturn(Optional.of(8L));
		menu();
		assertThat(menuReads).hasValue(2);
		assertThat(cache.size()).isEqualTo(1);
	}

	private String menu() {
		return cache.get(Shared.MENU, () -> {
			menuReads.incrementAndGet();
			return "menu";
		});
	}

	private enum Shared {

		MENU

	}

	private record ResellerEntry(String what, long resellerId) {
	}

}
