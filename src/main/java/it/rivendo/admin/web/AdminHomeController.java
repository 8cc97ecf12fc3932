package it.rivendo.admin.web;

import it.rivendo.mail.MailOutbox;
import it.rivendo.onboarding.Applications;
import it.rivendo.ordering.OrderHistory;
import it.rivendo.ordering.OrderHistory.DailySales;
import it.rivendo.services.RenewalFigures;
import it.rivendo.services.RenewalFigures.MonthlyRevenue;
import it.rivendo.services.ServiceAdministration;
import it.rivendo.shared.Formats;
import it.rivendo.shared.Money;
import it.rivendo.credit.TopUps;
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
 * transfers, identifications to check, e-mail problems), 30 days of sales as a bar chart,
 * the renewals due within 30 days and the renewals' revenue of the last 12 months.
 */
@Controller
class AdminHomeController {

	static final int CHART_DAYS = 30;

	/** The renewal revenue chart's months, this one included. */
	static final int RENEWAL_MONTHS = 12;

	/** The renewals due: services whose term ends within these days. */
	static final int RENEWALS_DUE_DAYS = 30;

	private final OrderHistory orders;

	private final Applications applications;

	private final TopUps topUps;

	private final MailOutbox outbox;

	private final ServiceAdministration services;

	private final RenewalFigures renewals;

	private final Formats formats;

	private final Clock clock;

	AdminHomeController(OrderHistory orders, Applications applications, TopUps topUps, MailOutbox outbox,
			ServiceAdministration services, RenewalFigures renewals, Formats formats, Clock clock) {
		this.orders = orders;
		this.applications = applications;
		this.topUps = topUps;
		this.outbox = outbox;
		this.services = services;
		this.renewals = renewals;
		this.formats = formats;
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
		List<BarChart.Bar> days = new ArrayList<>();
		for (int i = CHART_DAYS - 1; i >= 0; i--) {
			LocalDate day = today.minusDays(i);
			DailySales sales = byDay.get(day);
			days.add(new BarChart.Bar(formats.day(day), sales == null ? Money.ZERO : sales.revenue(),
					sales == null ? 0 : sales.orders()));
		}
		model.addAttribute("sales", BarChart.of(days));
		List<MonthlyRevenue> months = renewals.revenueByMonth(RENEWAL_MONTHS);
		model.addAttribute("renewalMonths", months);
		model.addAttribute("renewalChart",
				BarChart.of(months.stream()
					.map(month -> new BarChart.Bar(formats.month(month.month()), month.revenue(), month.renewals()))
					.toList()));
		model.addAttribute("renewalsDue", renewals.dueWithin(RENEWALS_DUE_DAYS));
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

}
