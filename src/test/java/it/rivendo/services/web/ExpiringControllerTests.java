package it.rivendo.services.web;

import static it.rivendo.support.PageSliceData.RESELLER;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import it.rivendo.catalog.IdentificationMode;
import it.rivendo.identity.Team;
import it.rivendo.services.ExpiringFilter;
import it.rivendo.services.ExpiringService;
import it.rivendo.services.ExpiringServices;
import it.rivendo.services.RenewalWindow;
import it.rivendo.services.ServiceStatus;
import it.rivendo.shared.LocalizedText;
import it.rivendo.shared.Money;
import it.rivendo.shared.VatBreakdown;
import it.rivendo.shared.VatBreakdown.TaxableLine;
import it.rivendo.support.PageSliceTest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The "In scadenza" tab without a database: what the filters bind to, the total, a
 * product no longer on sale, and links that keep the filters.
 */
@PageSliceTest(ExpiringController.class)
@Import(ExpiringControllerTests.ShopClock.class)
class ExpiringControllerTests {

	@TestConfiguration
	static class ShopClock {

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

	}

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ExpiringServices expiring;

	@MockitoBean
	Team team;

	@BeforeEach
	void noChoices() {
		given(expiring.families(anyLong(), any())).willReturn(List.of());
		given(expiring.products(anyLong(), any())).willReturn(List.of());
		given(team.servicesOnlyOf(any())).willReturn(null); // the whole team's
	}

	@Test
	void daysOutsideTheChoicesReadAsThirtyAndTheFiltersReachTheService() throws Exception {
		given(expiring.overview(anyLong(), any(), any())).willReturn(overview(0, 0));

		mvc.perform(get("/account/services/expiring").param("days", "abc").with(user(RESELLER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Nessun servizio scade entro 30 giorni.")));
		mvc.perform(get("/account/services/expiring").param("days", "60")
			.param("family", " PEC ")
			.param("q", " Mario@")
			.with(user(RESELLER))).andExpect(status().isOk());

		verify(expiring).overview(eq(7L), eq(ExpiringFilter.within(30)), eq(PageRequest.of(0, 20)));
		verify(expiring).overview(eq(7L), eq(new ExpiringFilter(60, "PEC", "", "mario@")), any());
	}

	@Test
	void theTotalTheRowsAndAProductNoLongerOnSale() throws Exception {
		given(expiring.overview(anyLong(), any(), any())).willReturn(overview(2, 1));

		mvc.perform(get("/account/services/expiring").with(user(RESELLER)))
			.andExpect(content().string(containsString("3 servizi in scadenza entro 30 giorni")))
			.andExpect(content().string(containsString("70,20\u00a0€")))
			.andExpect(content().string(containsString("85,64\u00a0€")))
			.andExpect(content().string(containsString("Non più in vendita")))
			.andExpect(content().string(containsString("1 servizio non ha un prezzo di rinnovo")))
			.andExpect(content().string(containsString("href=\"/account/services/expiring.csv?days=30\"")));
	}

	@Test
	void thePagerAndTheCsvLinkKeepTheFilters() throws Exception {
		given(expiring.overview(anyLong(), any(), any()))
			.willAnswer(call -> overview(45, 0, call.getArgument(2, Pageable.class)));

		mvc.perform(get("/account/services/expiring").param("days", "90")
			.param("product", "REMOTA")
			.param("q", "a&b")
			.with(user(RESELLER)))
			.andExpect(content().string(containsString(
					"href=\"/account/services/expiring?days=90&amp;product=REMOTA&amp;q=a%26b&amp;page=1\"")))
			.andExpect(content().string(
					containsString("href=\"/account/services/expiring.csv?days=90&amp;product=REMOTA&amp;q=a%26b\"")))
			.andExpect(content().string(not(containsString("family="))));
	}

	private static ExpiringServices.Overview overview(int priced, int unpriced) {
		return overview(priced, unpriced, PageRequest.of(0, 20));
	}

	private static ExpiringServices.Overview overview(int priced, int unpriced, Pageable page) {
		List<ExpiringService> rows = new ArrayList<>();
		List<TaxableLine> lines = new ArrayList<>();
		for (int i = 0; i < Math.min(priced + unpriced, page.getPageSize()); i++) {
			boolean onSale = i < priced;
			rows.add(new ExpiringService(i + 1, "REMOTA", new LocalizedText("Prodotto REMOTA", "Product REMOTA"),
					"FIRMA", IdentificationMode.SPID, "R-2026-00001", "mario@test.it", null, ServiceStatus.ACTIVE,
					Instant.now().plusSeconds(86_400L * 10), 10, onSale ? Money.of("35.10") : null,
					onSale ? new BigDecimal("22.00") : null, new RenewalWindow(Instant.now().minusSeconds(86_400L * 80),
							Instant.now().plusSeconds(86_400L * 10))));
		}
		for (int i = 0; i < priced; i++) {
			lines.add(new TaxableLine(Money.of("35.10"), new BigDecimal("22.00")));
		}
		return new ExpiringServices.Overview(new PageImpl<>(rows, page, priced + unpriced), VatBreakdown.of(lines),
				unpriced);
	}

}
