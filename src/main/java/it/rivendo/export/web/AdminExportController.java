package it.rivendo.export.web;

import it.rivendo.audit.AuditTrail;
import it.rivendo.audit.AuditTrail.AuditRecord;
import it.rivendo.credit.LedgerExport;
import it.rivendo.export.CsvSheet;
import it.rivendo.identity.ShopUser;
import it.rivendo.ordering.OrderExport;
import it.rivendo.shared.Formats;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff download orders and credit movements of a period (days in Italian time, both
 * included) as CSV. Rows go to the response as the database sends them, so the size of
 * the period does not matter to memory. Each download is written to the audit trail with
 * its period and row count.
 */
@Controller
class AdminExportController {

	static final int MAX_DAYS = 3660;

	private final OrderExport orders;

	private final LedgerExport ledger;

	private final AuditTrail audit;

	private final Clock clock;

	AdminExportController(OrderExport orders, LedgerExport ledger, AuditTrail audit, Clock clock) {
		this.orders = orders;
		this.ledger = ledger;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping("/admin/export")
	String page(Model model) {
		LocalDate today = LocalDate.now(clock.withZone(Formats.SHOP_ZONE));
		model.addAttribute("from", today.withDayOfYear(1));
		model.addAttribute("to", today);
		return "export/admin-export";
	}

	@GetMapping("/admin/export/orders.csv")
	String orders(@AuthenticationPrincipal ShopUser user,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, HttpServletResponse response,
			RedirectAttributes redirect) throws IOException {
		if (!validPeriod(from, to, redirect)) {
			return "redirect:/admin/export";
		}
		try (CsvSheet sheet = CsvSheet.open(start(response, "ordini", from, to), "numero", "data_ora", "stato",
				"id_rivenditore", "rivenditore", "tipo_cliente", "cliente", "partita_iva", "codice_fiscale",
				"imponibile_eur", "iva_eur", "totale_eur", "articoli", "rinnovo", "servizi_rinnovati")) {
			orders.forEach(begin(from), end(to), row -> sheet.row(CsvSheet.text(row.number()),
					CsvSheet.time(row.createdAt()), row.status(), row.resellerId(), CsvSheet.text(row.resellerName()),
					row.customerType(), CsvSheet.text(row.recipient()), CsvSheet.text(row.vatNumber()),
					CsvSheet.text(row.taxCode()), CsvSheet.amount(row.taxable()), CsvSheet.amount(row.vat()),
					CsvSheet.amount(row.total()), row.items(), row.renewal() ? "si" : "no", row.renewedServices()));
			recorded(user, "EXPORT_ORDERS", from, to, sheet.rows());
		}
		return null;
	}

	@GetMapping("/admin/export/ledger.csv")
	String ledger(@AuthenticationPrincipal ShopUser user,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, HttpServletResponse response,
			RedirectAttributes redirect) throws IOException {
		if (!validPeriod(from, to, redirect)) {
			return "redirect:/admin/export";
		}
		try (CsvSheet sheet = CsvSheet.open(start(response, "movimenti-credito", from, to), "id", "data_ora",
				"id_rivenditore", "rivenditore", "tipo", "importo_eur", "saldo_dopo_eur", "riferimento", "descrizione",
				"operatore")) {
			ledger.forEach(begin(from), end(to),
					row -> sheet.row(row.id(), CsvSheet.time(row.createdAt()), row.resellerId(),
							CsvSheet.text(row.resellerName()), row.kind().name(), CsvSheet.amount(row.amount()),
							CsvSheet.amount(row.balanceAfter()), CsvSheet.text(row.reference()),
							CsvSheet.text(row.description()), CsvSheet.text(row.createdBy())));
			recorded(user, "EXPORT_LEDGER", from, to, sheet.rows());
		}
		return null;
	}

	private static boolean validPeriod(LocalDate from, LocalDate to, RedirectAttributes redirect) {
		if (from.isAfter(to) || from.plusDays(MAX_DAYS).isBefore(to)) {
			redirect.addFlashAttribute("error", "export.periodInvalid");
			return false;
		}
		return true;
	}

	private static java.io.OutputStream start(HttpServletResponse response, String name, LocalDate from, LocalDate to)
			throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				"attachment; filename=\"rivendo-" + name + "-" + from + "-" + to + ".csv\"");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		return response.getOutputStream();
	}

	private void recorded(ShopUser user, String action, LocalDate from, LocalDate to, long rows) {
		audit.record(AuditRecord.of(user.email(), action, from + ".." + to, rows + " rows"));
	}

	private static Instant begin(LocalDate day) {
		return day.atStartOfDay(Formats.SHOP_ZONE).toInstant();
	}

	private static Instant end(LocalDate day) {
		return day.plusDays(1).atStartOfDay(Formats.SHOP_ZONE).toInstant();
	}

}
