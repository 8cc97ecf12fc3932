package it.rivendo.identity.web;

import it.rivendo.identity.ShopUser;
import it.rivendo.identity.Team;
import it.rivendo.identity.TeamMember;
import it.rivendo.identity.TeamRole;
import it.rivendo.shared.Refusal;
import it.rivendo.shared.web.OnRefusal;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Utenti" (issue 17): the Titolare's page of its team. Invites users, changes their role
 * and limit, disables and removes them. Only the Titolare reaches it (SecurityConfig).
 */
@Controller
class TeamController {

	private final Team team;

	TeamController(Team team) {
		this.team = team;
	}

	@GetMapping("/account/team")
	String page(@AuthenticationPrincipal ShopUser owner, Model model) {
		model.addAttribute("inviteForm", new InviteForm());
		return teamPage(owner, model);
	}

	@PostMapping("/account/team")
	String invite(@AuthenticationPrincipal ShopUser owner, @Valid @ModelAttribute("inviteForm") InviteForm form,
			BindingResult binding, Model model, HttpServletResponse response, Locale locale,
			RedirectAttributes redirect) {
		if (!binding.hasErrors()) {
			try {
				team.invite(owner, form.toInvitation(), locale);
				redirect.addFlashAttribute("success", "team.invited");
				return "redirect:/account/team";
			}
			catch (Refusal refusal) {
				binding.rejectValue("email", refusal.messageKey());
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return teamPage(owner, model);
	}

	@GetMapping("/account/team/{id}")
	String member(@AuthenticationPrincipal ShopUser owner, @PathVariable long id, Model model) {
		TeamMember member = team.member(owner.resellerId(), id);
		model.addAttribute("teamMemberForm", TeamMemberForm.of(member));
		return memberPage(member, model);
	}

	@PostMapping("/account/team/{id}")
	@OnRefusal("/account/team/{id}")
	String change(@AuthenticationPrincipal ShopUser owner, @PathVariable long id,
			@Valid @ModelAttribute("teamMemberForm") TeamMemberForm form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		TeamMember member = team.member(owner.resellerId(), id);
		if (binding.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return memberPage(member, model);
		}
		team.change(owner, id, form.getRole(), form.getMonthlyLimit(), form.isSeesAllServices());
		redirect.addFlashAttribute("success", "team.changed");
		return "redirect:/account/team";
	}

	@PostMapping("/account/team/{id}/disable")
	@OnRefusal("/account/team")
	String disable(@AuthenticationPrincipal ShopUser owner, @PathVariable long id, RedirectAttributes redirect) {
		team.disable(owner, id);
		redirect.addFlashAttribute("success", "team.disabled");
		return "redirect:/account/team";
	}

	@PostMapping("/account/team/{id}/enable")
	@OnRefusal("/account/team")
	String enable(@AuthenticationPrincipal ShopUser owner, @PathVariable long id, RedirectAttributes redirect) {
		team.enable(owner, id);
		redirect.addFlashAttribute("success", "team.enabled");
		return "redirect:/account/team";
	}

	@PostMapping("/account/team/{id}/remove")
	@OnRefusal("/account/team")
	String remove(@AuthenticationPrincipal ShopUser owner, @PathVariable long id, RedirectAttributes redirect) {
		team.remove(owner, id);
		redirect.addFlashAttribute("success", "team.removed.done");
		return "redirect:/account/team";
	}

	@PostMapping("/account/team/approval")
	@OnRefusal("/account/team")
	String approvalThreshold(@AuthenticationPrincipal ShopUser owner,
			@Valid @ModelAttribute("approvalForm") ApprovalThresholdForm form, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("inviteForm", new InviteForm());
			return teamPage(owner, model);
		}
		team.setApprovalThreshold(owner, form.getApprovalThreshold());
		redirect.addFlashAttribute("success", "team.approval.saved");
		return "redirect:/account/team";
	}

	@PostMapping("/account/team/copies")
	@OnRefusal("/account/team")
	String copies(@AuthenticationPrincipal ShopUser owner, @ModelAttribute("copiesForm") TeamCopiesForm form,
			RedirectAttributes redirect) {
		team.receiveCopies(owner, form.isCopies());
		redirect.addFlashAttribute("success", form.isCopies() ? "team.copies.on" : "team.copies.off");
		return "redirect:/account/team";
	}

	private String teamPage(ShopUser owner, Model model) {
		TeamCopiesForm copies = new TeamCopiesForm();
		copies.setCopies(team.receivesCopies(owner));
		model.addAttribute("copiesForm", copies);
		if (!model.containsAttribute("approvalForm")) {
			ApprovalThresholdForm approval = new ApprovalThresholdForm();
			approval.setApprovalThreshold(team.approvalThreshold(owner.resellerId()));
			model.addAttribute("approvalForm", approval);
		}
		model.addAttribute("members", team.members(owner.resellerId()));
		model.addAttribute("roles", TeamRole.values());
		model.addAttribute("me", owner.userId());
		return "identity/team";
	}

	private String memberPage(TeamMember member, Model model) {
		model.addAttribute("member", member);
		model.addAttribute("roles", TeamRole.values());
		return "identity/team-member";
	}

}
