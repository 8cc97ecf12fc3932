package it.rivendo.home.web;

import it.rivendo.catalog.TierRules;
import it.rivendo.credit.CreditLedger;
import it.rivendo.identity.ShopUser;
import it.rivendo.identity.Team;
import it.rivendo.ordering.OrderApprovals;
import it.rivendo.ordering.OrderHistory;
import it.rivendo.services.ExpiringServices;
import it.rivendo.services.PurchasedServices;
import it.rivendo.services.ServiceStatus;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Where a signed-in person lands: a reseller on their home page, staff on their
 * dashboard.
 */
@Controller
class HomeController {

	static final int LAST_ORDERS = 5;

	/** "What expires" counts the services whose term ends within these days. */
	static final int EXPIRING_DAYS = 30;

	private final CreditLedger credit;

	private final TierRules tiers;

	private final PurchasedServices services;

	private final ExpiringServices expiring;

	private final OrderHistory orders;

	private final OrderApprovals approvals;

	private final Team team;

	HomeController(CreditLedger credit, TierRules tiers, PurchasedServices services, ExpiringServices expiring,
			OrderHistory orders, OrderApprovals approvals, Team team) {
		this.team = team;
		this.approvals = approvals;
		this.credit = credit;
		this.tiers = tiers;
		this.services = services;
		this.expiring = expiring;
		this.orders = orders;
	}

	// one read-only transaction (one snapshot) for everything the page reads, not one per
	// service asked
	@Transactional(readOnly = true)
	@GetMapping("/")
	String home(@AuthenticationPrincipal ShopUser user, Model model) {
		if (user.isStaff()) {
			return "redirect:/admin";
		}
		long resellerId = user.resellerId();
		// an Operatore who sees only its own services counts only those
		Long onlyOf = team.servicesOnlyOf(user);
		Map<ServiceStatus, Long> counts = services.countsByStatus(resellerId, onlyOf);
		model.addAttribute("user", user);
		model.addAttribute("balance", credit.balanceOf(resellerId));
		model.addAttribute("tier", tiers.statusOf(resellerId));
		model.addAttribute("toAssociate", counts.get(ServiceStatus.NOT_ASSOCIATED));
		model.addAttribute("awaitingActivation", counts.get(ServiceStatus.ASSOCIATED));
		model.addAttribute("inVerification", counts.get(ServiceStatus.IN_VERIFICATION));
		model.addAttribute("active", counts.get(ServiceStatus.ACTIVE));
		model.addAttribute("expiring", expiring.countWithin(resellerId, onlyOf, EXPIRING_DAYS));
		model.addAttribute("expiringDays", EXPIRING_DAYS);
		// the Operatori's orders waiting for a Titolare
		model.addAttribute("toApprove", user.isOwner() ? approvals.pendingCount(resellerId) : 0L);
		model.addAttribute("orders", orders.latest(resellerId, onlyOf, LAST_ORDERS));
		return "home/home";
	}

}
