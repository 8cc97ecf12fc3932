package it.rivendo.admin.web;

import it.rivendo.mail.MailOutbox;
import it.rivendo.onboarding.Applications;
import it.rivendo.ordering.OrderHistory;
import it.rivendo.ordering.OrderHistory.DailySales;
import it.rivendo.services.ServiceAdministration;
import it.rivendo.shared.Formats;
import it.rivendo.shared.Money;
import it.rivendo.credit.TopUps;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The staff's dashboard: today and this month, what waits for them (applications,
 * transfers, identifications to check, e-mail problems), and 30 days of sales as a bar
 * chart.
 */
@Controller
class AdminHomeController {

	static final int CHART_DAYS = 30;
	static final int CHART_HEIGHT = 160;

	private final OrderHistory orders;

	private final Applications applications;

	private final TopUps topUps;

	private final MailOutbox outbox;

	private final ServiceAdministration services;

	private final Clock clock;

	AdminHomeController(OrderHistory orders, Applications applications, TopUps topUps, MailOutbox outbox,
			ServiceAdministration services, Clock clock) {
		this.orders = orders;
		this.applications = applications;
		this.topUps = topUps;
		this.outbox = outbox;
		this.services = services;
		this.clock = clock;
	}

	@GetMapping("/admin")
	String home(Model model) {
		LocalDate today = LocalDate.now(clock.withZone(Formats.SHOP_ZONE));
		LocalDate firstOfMonth = today.withDayOfMonth(1);
		LocalDate from = firstOfMonth.isBefore(today.minusDays(CHART_DAYS - 1)) ? firstOfMonth
				: today.minusDays(CHART_DAYS - 1);
		Map<LocalDate, DailySales> byDay = orders.dailySales(from)
			.stream()
			.collect(Collectors.toMap(DailySales::day, Function.identity()));
		List<Bar> bars = new ArrayList<>();
		Money highest = Money.ZERO;
		for (int i = CHART_DAYS - 1; i >= 0; i--) {
			DailySales day = byDay.get(today.minusDays(i));
			Money revenue = day == null ? Money.ZERO : day.revenue();
			highest = revenue.compareTo(highest) > 0 ? revenue : highest;
			bars.add(new Bar(today.minusDays(i), revenue, day == null ? 0 : day.orders(), 0));
		}
		BigDecimal scale = highest.isPositive() ? highest.amount() : BigDecimal.ONE;
		List<Bar> scaled = bars.stream()
			.map(bar -> new Bar(bar.day(), bar.revenue(), bar.orders(),
					bar.revenue()
						.amount()
						.multiply(BigDecimal.valueOf(CHART_HEIGHT))
						.divide(scale, 0, RoundingMode.HALF_UP)
						.intValue()))
			.toList();
		model.addAttribute("bars", scaled);
		model.addAttribute("chartHeight", CHART_HEIGHT);
		// the amount axis: the best day at the top, half of it, and zero
		model.addAttribute("chartTop", highest);
		model.addAttribute("chartMiddle",
				Money.of(highest.amount().divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP)));
		model.addAttribute("chartBottom", Money.ZERO);
		model.addAttribute("today", sum(byDay, today, today));
		model.addAttribute("month", sum(byDay, firstOfMonth, today));
		model.addAttribute("pendingApplications", applications.pendingCount());
		model.addAttribute("pendingTopUps", topUps.pendingCount());
		model.addAttribute("identityChecks", services.awaitingIdentityCheck());
		model.addAttribute("mailTrouble", outbox.troubleCount());
		return "admin/home";
	}

	private static DailySales sum(Map<LocalDate, DailySales> byDay, LocalDate from, LocalDate to) {
		long count = 0;
		Money revenue = Money.ZERO;
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			DailySales sales = byDay.get(day);
			if (sales != null) {
				count += sales.orders();
				revenue = revenue.plus(sales.revenue());
			}
		}
		return new DailySales(to, count, revenue);
	}

	/** One day in the chart, with its bar's height in pixels. */
	record Bar(LocalDate day, Money revenue, long orders, int height) {
	}

}
