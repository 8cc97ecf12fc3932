package it.rivendo.services.web;

import it.rivendo.export.CsvSheet;
import it.rivendo.identity.ShopUser;
import it.rivendo.identity.Team;
import it.rivendo.services.ExpiringFilter;
import it.rivendo.services.ExpiringServices;
import it.rivendo.shared.Formats;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The customer area's "In scadenza" tab: services expiring within 30, 60 or 90 days (and
 * those just ended that can still be renewed), what renewing them all costs, and the same
 * rows as a CSV file.
 */
@Controller
class ExpiringController {

	static final int PAGE_SIZE = 20;

	private final ExpiringServices expiring;

	private final MessageSource messages;

	private final Clock clock;

	private final Team team;

	private final Formats formats;

	ExpiringController(ExpiringServices expiring, MessageSource messages, Clock clock, Team team, Formats formats) {
		this.expiring = expiring;
		this.messages = messages;
		this.clock = clock;
		this.team = team;
		this.formats = formats;
	}

	// one read-only transaction (one snapshot): the rows, the count and the total agree
	@Transactional(readOnly = true)
	@GetMapping("/account/services/expiring")
	String page(@AuthenticationPrincipal ShopUser user, @ModelAttribute("filter") ExpiringForm form,
			BindingResult binding, @RequestParam(defaultValue = "0") int page, Model model) {
		// an Operatore who sees only its own services: its own rows, totals and choices
		Long onlyOf = team.servicesOnlyOf(user);
		ExpiringFilter filter = form.toFilter().boughtBy(onlyOf);
		long resellerId = user.resellerId();
		ExpiringServices.Overview overview = expiring.overview(resellerId, filter,
				PageRequest.of(Math.max(page, 0), PAGE_SIZE));
		Instant now = clock.instant();
		model.addAttribute("overview", overview);
		// after a refused "Rinnova i selezionati" (flash attributes): the reasons, the
		// selection kept
		@SuppressWarnings("unchecked")
		Map<Long, String> refusals = (Map<Long, String>) model.getAttribute("renewRefusals");
		@SuppressWarnings("unchecked")
		Collection<Long> selected = (Collection<Long>) model.getAttribute("selected");
		List<ExpiringPageRow> rows = ExpiringPageRow.of(overview.services().getContent(), now, refusals, selected,
				messages, formats, LocaleContextHolder.getLocale());
		model.addAttribute("rows", rows);
		model.addAttribute("anyRenewable", rows.stream().anyMatch(ExpiringPageRow::renewable));
		model.addAttribute("days", filter.days());
		model.addAttribute("dayChoices", ExpiringFilter.DAYS);
		model.addAttribute("narrowed", filter.narrowed());
		model.addAttribute("families", expiring.families(resellerId, onlyOf));
		model.addAttribute("products", expiring.products(resellerId, onlyOf));
		model.addAttribute("query", form.toQuery());
		return "services/expiring";
	}

	@GetMapping("/account/services/expiring.csv")
	void csv(@AuthenticationPrincipal ShopUser user, @ModelAttribute("filter") ExpiringForm form, BindingResult binding,
			HttpServletResponse response) throws IOException {
		ExpiringFilter filter = form.toFilter().boughtBy(team.servicesOnlyOf(user));
		LocalDate today = LocalDate.now(clock.withZone(Formats.SHOP_ZONE));
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				"attachment; filename=\"rivendo-in-scadenza-" + filter.days() + "-giorni-" + today + ".csv\"");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		try (CsvSheet sheet = CsvSheet.open(response.getOutputStream(), "id_servizio", "codice_prodotto", "prodotto",
				"famiglia", "identificazione", "ordine", "email_cliente", "nome_cliente", "stato", "valido_fino_al",
				"giorni", "prezzo_rinnovo_eur", "aliquota_iva")) {
			expiring.forEach(user.resellerId(), filter,
					s -> sheet.row(s.id(), CsvSheet.text(s.productCode()), CsvSheet.text(s.productName().it()),
							CsvSheet.text(s.familyCode()), s.mode().name(), CsvSheet.text(s.orderNumber()),
							CsvSheet.text(s.customerEmail()), CsvSheet.text(s.customerName()),
							CsvSheet.text(message(s.status().messageKey())),
							LocalDate.ofInstant(s.validUntil(), Formats.SHOP_ZONE).toString(), s.daysLeft(),
							s.priced() ? CsvSheet.amount(s.renewalPrice()) : "",
							s.priced() ? s.vatRate().toPlainString() : ""));
		}
	}

	private String message(String key) {
		return messages.getMessage(key, null, LocaleContextHolder.getLocale());
	}

}
