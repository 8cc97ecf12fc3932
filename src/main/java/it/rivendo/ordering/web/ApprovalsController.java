package it.rivendo.ordering.web;

import it.rivendo.identity.ShopUser;
import it.rivendo.identity.Team;
import it.rivendo.ordering.OrderApprovals;
import it.rivendo.shared.web.OnRefusal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Approvazioni" (issue 17): a Titolare sees the Operatori's orders waiting for it and
 * approves (pays) or rejects them; an Operatore follows its own requests. Approving and
 * rejecting are the Titolare's (SecurityConfig).
 */
@Controller
class ApprovalsController {

	private final OrderApprovals approvals;

	private final Team team;

	ApprovalsController(OrderApprovals approvals, Team team) {
		this.approvals = approvals;
		this.team = team;
	}

	@GetMapping("/account/approvals")
	String page(@AuthenticationPrincipal ShopUser user, Model model) {
		model.addAttribute("requests", approvals.list(user));
		model.addAttribute("owner", user.isOwner());
		model.addAttribute("threshold", team.approvalThreshold(user.resellerId()));
		return "ordering/approvals";
	}

	@PostMapping("/account/approvals/{id}/approve")
	@OnRefusal("/account/approvals")
	String approve(@AuthenticationPrincipal ShopUser owner, @PathVariable long id, RedirectAttributes redirect) {
		approvals.approve(owner, id);
		redirect.addFlashAttribute("success", "approval.approved");
		return "redirect:/account/approvals";
	}

	@PostMapping("/account/approvals/{id}/reject")
	@OnRefusal("/account/approvals")
	String reject(@AuthenticationPrincipal ShopUser owner, @PathVariable long id,
			@RequestParam(name = "reason", required = false) String reason, RedirectAttributes redirect) {
		approvals.reject(owner, id, reason);
		redirect.addFlashAttribute("success", "approval.rejected");
		return "redirect:/account/approvals";
	}

}
